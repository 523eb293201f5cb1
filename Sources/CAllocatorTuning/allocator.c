#include "CAllocatorTuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void asldb_tune_allocator(void) {
#if defined(__GLIBC__)
    mallopt(M_MXFAST, 0);
#endif
}

void asldb_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
