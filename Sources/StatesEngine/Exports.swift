import StatesJSON
@_exported import StatesLanguage
