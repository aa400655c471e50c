// libFuzzer's start-up hook, linked into every fuzz executable (fuzzreplay's main does the same).
#include "FuzzSupport.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fl::fuzz::ensureApplication();
    return 0;
}
