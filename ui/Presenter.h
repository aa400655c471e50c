#pragma once

// Presenter mode, for a projector at the back of a classroom: the application's font scaled up, a
// high-contrast palette (dark when the system's palette is dark), thicker slider handles, and thicker
// chart pens. Outside presenter mode the system's own font and palette are used, and the charts follow
// that palette (light or dark) too.
//
// Everything is applied application-wide (QApplication font, palette and style), so every widget
// receives FontChange / PaletteChange; the chart views restyle themselves on those events and read
// chartPenScale() for their pens.

#include <QFont>
#include <QPalette>
#include <QString>

class QMainWindow;
class QWidget;

namespace fl {

class Presenter
{
public:
    static constexpr double fontScale = 1.5;
    static constexpr double penScale = 1.75;
    static constexpr double sliderScale = 1.6;   // slider handles and grooves

    // Turns presenter mode on or off for the whole application (a QApplication must exist). The first
    // call remembers the system's font and palette, which turning it off brings back.
    static void setActive(bool on);
    static bool isActive();

    // The high-contrast palette: black on white, or white on black for a dark system palette.
    static QPalette highContrastPalette(bool dark);
    // Whether a palette is dark: its window colour darker than its text colour.
    static bool isDark(const QPalette &palette);
    // The application style in presenter mode: the system's, with slider handles and grooves
    // sliderScale times as large.

    // The dock layout for a projector (1024×768 and up): one column on the left, as wide as the control
    // panels need; in it Fusion, Training and Model tabified on top, and under them Formulas with
    // every other dock (weights, lesson guide …, hidden ones staying hidden) tabified. The chart gets
    // the rest: the whole height and most of the width. Docks are found by their object names
    // (fusionDock, trainingDock, modelDock, formulaDock).
    static void arrangeDocks(QMainWindow *window);

    // Moves and, if it must, shrinks a top-level window so that its frame lies within the available
    // geometry of the screen it is on (or the primary screen). Returns whether anything changed.
    static bool fitToScreen(QWidget *window);
};

} // namespace fl
