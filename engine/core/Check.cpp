#include "engine/core/Check.h"

#include <cstring>

namespace fl {

void contractViolation(const char *condition, const char *file, int line, const char *what)
{
    const char *slash = std::strrchr(file, '/');
    throw ContractError(std::string("internal error: ") + what + " (" + condition + ", " + (slash ? slash + 1 : file)
                        + ':' + std::to_string(line) + ')');
}

} // namespace fl
