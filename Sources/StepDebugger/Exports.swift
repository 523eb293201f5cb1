@_exported import StatesEngine
