#pragma once

// Type that reads from the back of a classroom: every chart and panel sizes its text through here.

#include <QFont>

namespace fl {

// font at least minimumPointSize points, bold or not.
inline QFont sizedFont(QFont font, double minimumPointSize, bool bold = false)
{
    if (font.pointSizeF() < minimumPointSize)
        font.setPointSizeF(minimumPointSize);
    font.setBold(bold);
    return font;
}

} // namespace fl
