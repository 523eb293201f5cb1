import CommandLineSupport

RootCommand.main()
