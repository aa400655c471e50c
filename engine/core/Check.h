#pragma once

// Contract checks that stay in Release builds. FL_CHECK(condition, what) throws fl::ContractError when
// the condition does not hold: a caller broke a function's contract (a parameter block of the wrong
// shape, content for another dataset). Q_ASSERT would vanish from the Release build and let the next
// line read out of bounds; an exception ends the run with a message instead, because the engine's
// boundaries (TrainingSession, RunDriver, DatasetImport, the CLI's main) turn every std::exception
// into a reported error. Use it for programming errors only: what a user's file or settings can get
// wrong is a Result error with a translated message.

#include <stdexcept>
#include <string>

namespace fl {

class ContractError : public std::logic_error
{
public:
    using std::logic_error::logic_error;
};

// Throws ContractError("internal error: WHAT (CONDITION, FILE:LINE)").
[[noreturn]] void contractViolation(const char *condition, const char *file, int line, const char *what);

} // namespace fl

#define FL_CHECK(condition, what)                                                                   \
    ((condition) ? void() : ::fl::contractViolation(#condition, __FILE__, __LINE__, what))
