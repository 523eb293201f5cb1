import CommandLineSupport

RootCommand.runMain()
