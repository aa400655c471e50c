#pragma once

// What the workbench suites (Runs page, landscape, undo history, reports) build their runs from.

#include "engine/training/RunTrainer.h"

namespace fl::test {

// The seed's regression on two modalities, text (α) and image (β), both switched on at the seed's 0.5.
inline RunConfig textImageConfig()
{
    RunConfig config;
    ModalityConfig text;
    text.name = QStringLiteral("text");
    ModalityConfig image;
    image.name = QStringLiteral("image");
    config.pipeline.modalities = {text, image};
    return config;
}

} // namespace fl::test
