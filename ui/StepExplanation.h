#pragma once

// The sentence under the loss chart that says what the last Step did: the training loss before and
// after, ‖∇L‖ and the step's length η‖∇L‖, and — when the loss rose — why (η·λ_max > 2 overshoots the
// minimum; the L2 penalty; the noise of mini-batches). Built from the engine's StepReport; the numbers
// are the engine's, only the words are chosen here.
//
// The sentence is composed from several messages, which Language cannot translate as a whole: a label
// showing one of the last texts handed out here (or the prompt) gets it again in the new language when
// it receives QEvent::LanguageChange.

#include "engine/models/LinearRegression.h"

#include <QCoreApplication>
#include <QString>

namespace fl {

class StepExplanation
{
    Q_DECLARE_TR_FUNCTIONS(fl::StepExplanation)

public:
    // Rich text (a few <b> and <i>), one to three sentences.
    static QString describe(const StepReport &report);
    // The text before anything ran.
    static QString prompt();

private:
    static QString describeText(const StepReport &report);
    static QString promptText();
};

} // namespace fl
