#ifndef ASLDB_ALLOCATOR_TUNING_H
#define ASLDB_ALLOCATOR_TUNING_H

/// Tunes the C allocator for the engine's pattern: many small, long-lived objects (a history's
/// events and the JSON they share) that are released together when an execution is dropped.
/// On glibc this turns off "fastbins": freed small blocks then merge with their neighbours at
/// once, so a history rebuilt after one was released (a rerun, a debugger restart, the next
/// benchmark run) is carved from whole free regions instead of from tens of thousands of
/// scattered fragments, which made each allocation several times slower. Elsewhere it does
/// nothing. Executables call it once, first thing; libraries never do.
void asldb_tune_allocator(void);

/// Gives the memory the allocator holds free back to the system (glibc's malloc_trim), for
/// `asldb-bench engine --cold`.
void asldb_release_free_memory(void);

#endif
