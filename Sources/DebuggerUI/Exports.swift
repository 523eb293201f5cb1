@_exported import StateGraph
@_exported import StepDebugger
@_exported import TerminalUI
