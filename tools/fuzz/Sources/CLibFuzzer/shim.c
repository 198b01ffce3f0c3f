// Declarations only: LLVMFuzzerRunDriver comes from the toolchain's libFuzzer,
// linked by -sanitize=fuzzer.
#include "CLibFuzzer.h"
