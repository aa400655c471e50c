#include "Presenter.h"

#include "ChartAxes.h"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QGuiApplication>
#include <QScreen>
#include <QWidget>
#include <QWindow>

#include <algorithm>
#include <optional>

namespace fl {

namespace {

struct SystemLook
{
    QFont font;
    QPalette palette;
    QString styleName;
};

// Thicker slider handles, and grooves to match. A proxy style rather than a style sheet: an
// application style sheet keeps QApplication::setFont() from reaching the widgets it styles.
class PresenterStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    int pixelMetric(PixelMetric metric, const QStyleOption *option, const QWidget *widget) const override
    {
        const int base = QProxyStyle::pixelMetric(metric, option, widget);
        switch (metric) {
        case PM_SliderThickness:
        case PM_SliderLength:
        case PM_SliderControlThickness:
            return int(base * Presenter::sliderScale + 0.5);
        default:
            return base;
        }
    }
};

std::optional<SystemLook> &systemLook()
{
    static std::optional<SystemLook> look;
    return look;
}

bool &activeFlag()
{
    static bool active = false;
    return active;
}

} // namespace

bool Presenter::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QPalette Presenter::highContrastPalette(bool dark)
{
    const QColor background = dark ? QColor(0, 0, 0) : QColor(255, 255, 255);
    const QColor text = dark ? QColor(255, 255, 255) : QColor(0, 0, 0);
    const QColor button = dark ? QColor(38, 38, 38) : QColor(232, 232, 232);
    // Yellow on black and deep blue on white: both far above WCAG's 7:1 for their text.
    const QColor highlight = dark ? QColor(255, 214, 0) : QColor(0, 60, 160);
    const QColor highlightedText = dark ? QColor(0, 0, 0) : QColor(255, 255, 255);
    QPalette p(button, background);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(group, QPalette::Window, background);
        p.setColor(group, QPalette::WindowText, text);
        p.setColor(group, QPalette::Base, background);
        p.setColor(group, QPalette::AlternateBase, dark ? QColor(28, 28, 28) : QColor(242, 242, 242));
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::Button, button);
        p.setColor(group, QPalette::ButtonText, text);
        p.setColor(group, QPalette::BrightText, dark ? QColor(255, 120, 80) : QColor(190, 0, 0));
        p.setColor(group, QPalette::Highlight, highlight);
        p.setColor(group, QPalette::HighlightedText, highlightedText);
        p.setColor(group, QPalette::ToolTipBase, background);
        p.setColor(group, QPalette::ToolTipText, text);
        p.setColor(group, QPalette::PlaceholderText, dark ? QColor(170, 170, 170) : QColor(90, 90, 90));
        p.setColor(group, QPalette::Link, dark ? QColor(120, 190, 255) : QColor(0, 50, 170));
        p.setColor(group, QPalette::Mid, dark ? QColor(110, 110, 110) : QColor(140, 140, 140));
        p.setColor(group, QPalette::Dark, dark ? QColor(150, 150, 150) : QColor(90, 90, 90));
        p.setColor(group, QPalette::Light, dark ? QColor(60, 60, 60) : QColor(255, 255, 255));
    }
    // Disabled text stays readable on a washed-out projector: grey, not pale grey.
    const QColor disabled = dark ? QColor(150, 150, 150) : QColor(100, 100, 100);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Window, background);
    p.setColor(QPalette::Disabled, QPalette::Base, background);
    p.setColor(QPalette::Disabled, QPalette::Button, button);
    return p;
}

void Presenter::setActive(bool on)
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    if (!app || on == activeFlag())
        return;
    std::optional<SystemLook> &look = systemLook();
    if (!look)
        look = SystemLook{QApplication::font(), QApplication::palette(), QApplication::style()->name()};
    activeFlag() = on;
    // The pens first: the charts restyle on the font and palette changes that follow.
    setChartPenScale(on ? penScale : 1.0);
    if (on) {
        QFont font = look->font;
        if (font.pointSizeF() > 0)
            font.setPointSizeF(font.pointSizeF() * fontScale);
        else
            font.setPixelSize(int(font.pixelSize() * fontScale + 0.5));
        QApplication::setStyle(new PresenterStyle(QStyleFactory::create(look->styleName)));
        QApplication::setFont(font);
        QApplication::setPalette(highContrastPalette(isDark(look->palette)));
    } else {
        QApplication::setStyle(QStyleFactory::create(look->styleName));
        QApplication::setFont(look->font);
        QApplication::setPalette(look->palette);
    }
    // The application font alone did not reach every panel of a window already shown (a dock's
    // scrolled content kept its size): the windows get it as their own font, which their children
    // inherit, and give it back (an empty QFont inherits everything) when presenter mode ends.
    for (QWidget *window : QApplication::topLevelWidgets())
        window->setFont(on ? QApplication::font() : QFont());
}

bool Presenter::isActive()
{
    return activeFlag();
}

void Presenter::arrangeDocks(QMainWindow *window)
{
    auto dock = [window](const char *name) { return window->findChild<QDockWidget *>(QLatin1String(name)); };
    QDockWidget *fusion = dock("fusionDock");
    QDockWidget *formulas = dock("formulaDock");
    if (!fusion || !formulas)
        return;
    // Controls on the left, explanations (formulas first, then any other dock: weights, lesson guide …)
    // under the chart.
    QList<QDockWidget *> left{fusion};
    for (const char *name : {"trainingDock", "modelDock"}) {
        if (QDockWidget *d = dock(name))
            left << d;
    }
    QList<QDockWidget *> bottom{formulas};
    for (QDockWidget *d : window->findChildren<QDockWidget *>()) {
        if (!left.contains(d) && !bottom.contains(d))
            bottom << d;
    }
    for (QDockWidget *d : left + bottom) {
        const bool hidden = d->isHidden() && !left.contains(d) && d != formulas;
        d->setFloating(false);
        d->setVisible(!hidden);
    }
    window->addDockWidget(Qt::LeftDockWidgetArea, fusion);
    window->splitDockWidget(fusion, formulas, Qt::Vertical);
    for (QList<QDockWidget *> *group : {&left, &bottom}) {
        for (QDockWidget *d : *group) {
            if (d != group->front())
                window->tabifyDockWidget(group->front(), d);
        }
        group->front()->raise();
    }
    // The column is as wide as the widest control panel needs without a horizontal scroll bar.
    int width = 0;
    for (QDockWidget *d : left) {
        if (auto *scroll = qobject_cast<QScrollArea *>(d->widget()); scroll && scroll->widget()) {
            const int needed = scroll->widget()->minimumSizeHint().width()
                + scroll->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 2 * scroll->frameWidth();
            width = std::max(width, needed);
        }
    }
    const QRect screen = window->screen() ? window->screen()->availableGeometry() : QRect(0, 0, 1024, 768);
    width = std::clamp(width, 260, std::max(260, screen.width() / 2));
    window->resizeDocks({fusion}, {width}, Qt::Horizontal);
    // The controls take three fifths of the column's height: the Fusion panel's rows (two per
    // modality) at presenter size, whatever dataset is loaded later; the explanations the rest.
    const int column = std::max(300, window->height() - window->menuBar()->height() - 40);
    const int controls = column * 3 / 5;
    window->resizeDocks({fusion, formulas}, {controls, column - controls}, Qt::Vertical);
}

bool Presenter::fitToScreen(QWidget *window)
{
    if (!window)
        return false;
    QScreen *screen = window->screen();
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (!screen)
        return false;
    const QRect available = screen->availableGeometry();
    // The frame (title bar, borders) around the client area, once the window manager has given one.
    const QRect frame = window->frameGeometry();
    const QRect client = window->geometry();
    const QMargins margins(client.left() - frame.left(), client.top() - frame.top(),
                           frame.right() - client.right(), frame.bottom() - client.bottom());
    const QSize room(available.width() - margins.left() - margins.right(),
                     available.height() - margins.top() - margins.bottom());
    QSize size = client.size().boundedTo(room);
    size = size.expandedTo(window->minimumSize()).boundedTo(room);
    QRect target(client.topLeft(), size);
    const QRect inner = available.marginsRemoved(margins);
    if (target.right() > inner.right())
        target.moveRight(inner.right());
    if (target.bottom() > inner.bottom())
        target.moveBottom(inner.bottom());
    if (target.left() < inner.left())
        target.moveLeft(inner.left());
    if (target.top() < inner.top())
        target.moveTop(inner.top());
    if (target == client)
        return false;
    if (window->isMaximized() || window->isFullScreen())
        return false;
    window->setGeometry(target);
    return true;
}

} // namespace fl
