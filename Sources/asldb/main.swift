import CAllocatorTuning
import CommandLineSupport

asldb_tune_allocator()
RootCommand.runMain()
