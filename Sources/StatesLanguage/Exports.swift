@_exported import StatesJSON
