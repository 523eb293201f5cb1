/// A Task state's `Resource` ARN, classified the way Step Functions reports it in history.
public struct Resource: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `arn:aws:lambda:…:function:name`: LambdaFunction* events, the result is the payload.
        case lambdaFunction
        /// `arn:aws:states:…:activity:name`: Activity* events.
        case activity
        /// `arn:aws:states:::service:action[.pattern]`: Task* events.
        case service(type: String, action: String)
    }

    public enum Pattern: Sendable, Hashable {
        case requestResponse
        case sync
        case waitForTaskToken
    }

    public var arn: String
    public var kind: Kind
    public var pattern: Pattern

    public init(arn: String) {
        self.arn = arn
        let parts = Self.parts(of: arn)
        pattern = .requestResponse
        if parts.count >= 7, parts[2] == "lambda", parts[5] == "function" {
            kind = .lambdaFunction
        } else if parts.count >= 7, parts[2] == "states", parts[5] == "activity" {
            kind = .activity
        } else if parts.count >= 6, parts[2] == "states" {
            // arn:aws:states:::service:action or arn:aws:states:::aws-sdk:service:action; templates
            // also write the region and account (`arn:${AWS::Partition}:states:${AWS::Region}:…`).
            let rest = Array(parts[5...])
            let type = rest.count > 2 && rest[0] == "aws-sdk" ? "aws-sdk:" + rest[1] : rest[0]
            let action = rest.count > 2 && rest[0] == "aws-sdk" ? rest[2...].joined(separator: ":") : rest.dropFirst().joined(separator: ":")
            kind = .service(type: type, action: action)
            if action.hasSuffix(".waitForTaskToken") {
                pattern = .waitForTaskToken
            } else if action.hasSuffix(".sync") || action.contains(".sync:") {
                pattern = .sync
            }
        } else {
            kind = .service(type: parts.count > 2 ? parts[2] : arn, action: parts.last ?? arn)
        }
    }
}

extension Resource {
    /// The ARN's colon-separated parts, a template placeholder (`${AWS::Region}`) kept whole in one.
    static func parts(of arn: String) -> [String] {
        guard arn.contains("${") else { return arn.split(separator: ":", omittingEmptySubsequences: false).map(String.init) }
        var parts: [String] = [""]
        var depth = 0
        var previous: Character = " "
        for character in arn {
            if character == "{", previous == "$" { depth += 1 } else if character == "}", depth > 0 { depth -= 1 }
            if character == ":", depth == 0 { parts.append("") } else { parts[parts.count - 1].append(character) }
            previous = character
        }
        return parts
    }
}
