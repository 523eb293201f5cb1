import StateGraph
import StatesLanguage
import Testing

@Suite struct SampleLayoutTests {
    @Test func linearChain() {
        let m = machine("A", [task("A", next: "B"), pass("B", next: "C"), wait("C", next: "D"), succeed("D")])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 4, "chain")
        expectRows(canvas, """
           ╭ Task ────╮
           │    A     │
           ╰───────┬──╯
                   │
           ╭ Pass ─▼──╮
           │    B     │
           ╰───────┬──╯
                   │
           ╭ Wait ─▼──╮
           │    C     │
           ╰───────┬──╯
                   │
        ╭ Succeed ─▼──╮
        │      D      │
        ╰─────────────╯
        """)
    }

    @Test func orderProcessing() {
        let canvas = GraphLayout.layout(orderProcessingSample())
        checkProperties(canvas, expectedStates: 4, "order")
        expectRows(canvas, """
                                           ╭ Task ─────────╮
                                           │ ValidateOrder │
                                           ╰─────┬─┬───────╯
                        ╭┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄╯ │
        ValidationError ┆                 ╭ Task ──▼───────╮
                        ┆                 │ ProcessPayment │
                        ┆                 ╰↻─────┬─┬───────╯
                   ╭┄┄┄┄╯               ╭┄┄┄┄┄┄┄┄╯ │
                   ┆ PaymentFailedError ┆  ╭ Task ─▼───╮
                   ┆                    ┆  │ ShipOrder │
                   ┆                    ┆  ╰───────────╯
                   ╰┄┄┄┄┄┄┄┄┄┬┄┄┄┄┄┄┄┄┄┄╯
                   ╭ Task ───▼────────╮
                   │ NotifyOrderError │
                   ╰──────────────────╯
        """)
    }

    @Test func choiceWithDefault() {
        let m = machine("CheckTotal", [
            choice("CheckTotal", [
                (compare("$.total", "NumericGreaterThan", 100), "ManualReview"),
                (compare("$.coupon", "IsPresent", true), "ApplyCoupon"),
            ], default: "Approve"),
            task("ManualReview", next: "Done"),
            pass("ApplyCoupon", next: "Done"),
            pass("Approve", next: "Done"),
            succeed("Done"),
        ])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 5, "choice")
        expectRows(canvas, """
                          ╭ Choice ────╮
                          │ CheckTotal │
                          ╰─────────┬──╯
                  ╭───────────────┬─┴──────────────────╮
                  │ $.total > 100 │ IsPresent $.coupon │ default
                ╭─╯               ╰─╮                  │
        ╭ Task ─▼──────╮    ╭ Pass ─▼─────╮    ╭ Pass ─▼──╮
        │ ManualReview │    │ ApplyCoupon │    │ Approve  │
        ╰───────┬──────╯    ╰───────┬─────╯    ╰───────┬──╯
                ╰───────────────────┼──────────────────╯
                         ╭ Succeed ─▼──╮
                         │    Done     │
                         ╰─────────────╯
        """)
    }

    @Test func loop() {
        let m = machine("Submit", [
            task("Submit", next: "Wait"),
            wait("Wait", next: "Poll"),
            task("Poll", next: "IsDone"),
            choice("IsDone", [(compare("$.status", "StringEquals", "DONE"), "Done")], default: "Wait"),
            succeed("Done"),
        ])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 5, "loop")
        expectRows(canvas, """
           ╭ Task ────╮
           │  Submit  │
           ╰───────┬──╯
                   │
           ╭ Wait ─▼──╮
           │   Wait   │
           ╰───────┬─▲╯
                   │ ╰─────╮
           ╭ Task ─▼──╮    │ default
           │   Poll   │    │
           ╰───────┬──╯    │
                   │ ╭─────╯
         ╭ Choice ─▼─┴╮
         │   IsDone   │
         ╰─────────┬──╯
                   │
                   │ $.status == "DONE"
                   │
        ╭ Succeed ─▼──╮
        │    Done     │
        ╰─────────────╯
        """)
    }

    @Test func parallelWithTwoBranches() {
        let m = machine("Fetch", [
            parallel("Fetch", next: "Merge", branches: [
                machine("Users", [task("Users", next: "Enrich"), pass("Enrich")]),
                machine("Orders", [task("Orders")]),
            ]),
            pass("Merge"),
        ])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 5, "parallel")
        expectRows(canvas, """
        ╭ Parallel ─────────────────────────────╮
        │                 Fetch                 │
        │ ┌────────────────┐ ┌────────────────┐ │
        │ │ ╭ Task ────╮   │ │ ╭ Task ────╮   │ │
        │ │ │  Users   │   │ │ │  Orders  │   │ │
        │ │ ╰───────┬──╯   │ │ ╰──────────╯   │ │
        │ │         │      │ └────────────────┘ │
        │ │ ╭ Pass ─▼──╮   │                    │
        │ │ │  Enrich  │   │                    │
        │ │ ╰──────────╯   │                    │
        │ └────────────────┘                    │
        ╰───────────────────┬───────────────────╯
                            │
                    ╭ Pass ─▼──╮
                    │  Merge   │
                    ╰──────────╯
        """)
    }

    @Test func mapProcessor() {
        let m = machine("Items", [
            map("Items", next: "Report", processor: machine("Resize", [task("Resize", next: "Store"), task("Store")])),
            pass("Report"),
        ])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 4, "map")
        expectRows(canvas, """
        ╭ Map ───────────────╮
        │       Items        │
        │ ┌────────────────┐ │
        │ │ ╭ Task ────╮   │ │
        │ │ │  Resize  │   │ │
        │ │ ╰───────┬──╯   │ │
        │ │         │      │ │
        │ │ ╭ Task ─▼──╮   │ │
        │ │ │  Store   │   │ │
        │ │ ╰──────────╯   │ │
        │ └────────────────┘ │
        ╰──────────┬─────────╯
                   │
           ╭ Pass ─▼──╮
           │  Report  │
           ╰──────────╯
        """)
    }
}

extension SampleLayoutTests {
    @Test func catchIntoItselfAndAnUnreachableState() {
        let m = machine("Try", [
            task("Try", next: "Done", catches: [(["States.ALL"], "Try")]),
            succeed("Done"),
            pass("Orphan", next: "Done"),
        ])
        let canvas = GraphLayout.layout(m)
        checkProperties(canvas, expectedStates: 3, "self loop")
        expectRows(canvas, """
           ╭ Task ──────╮
           │    Try     │
           ╰───────┬─▲─┬╯
                   │ ┆ ╰┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄╮
                   │ ╰┄┄┄┄┄╮            ┆
        ╭ Succeed ─▼──╮    ┆ States.ALL ┆
        │    Done     │    ╰┄┄┄┄┄┄┄┄┄┄┄┄╯
        ╰────────────▲╯
                     │
           ╭ Pass ───┴╮
           │  Orphan  │
           ╰──────────╯
        """)
    }
}

/// The order-processing sample, as in samples/order-processing/order-processing.asl.json.
func orderProcessingSample() -> StateMachine {
    DefinitionReader.machine(fromText: """
    {
      "Comment": "Order Processing Workflow",
      "StartAt": "ValidateOrder",
      "States": {
        "ValidateOrder": {
          "Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:validateOrderFunction",
          "Next": "ProcessPayment",
          "Catch": [
            {
              "ErrorEquals": ["ValidationError"],
              "Next": "NotifyOrderError"
            }
          ]
        },
        "ProcessPayment": {
          "Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:processPaymentFunction",
          "Next": "ShipOrder",
          "Retry": [
            {
              "ErrorEquals": ["PaymentProcessingError", "ServiceUnavailable"],
              "IntervalSeconds": 5,
              "MaxAttempts": 3,
              "BackoffRate": 2
            }
          ],
          "Catch": [
            {
              "ErrorEquals": ["PaymentFailedError"],
              "Next": "NotifyOrderError"
            }
          ]
        },
        "ShipOrder": {
          "Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:shipOrderFunction",
          "End": true
        },
        "NotifyOrderError": {
          "Type": "Task",
          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:notifyOrderErrorFunction",
          "End": true
        }
      }
    }
    """)!
}
