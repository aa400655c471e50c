#pragma once

// The legend of the loss and metrics charts, and the pens their curves (and its samples) are drawn
// with.

#include <QColor>
#include <QList>
#include <QPen>
#include <QString>
#include <QWidget>

namespace fl {

// color with its alpha channel set to alpha (0–1).
QColor withAlpha(QColor color, double alpha);

// A curve's pen. Flat caps and bevel joins: round ones make the stroker flatten an arc at every vertex
// and every dash, which was most of a frame's cost with six decimated curves (a min/max zigzag has a
// vertex per pixel). Dashed: 3 on, 2 off. The width is multiplied by chartPenScale() (presenter mode).
QPen curvePen(const QColor &color, double width, bool dashed);

// The legend, as a widget under the chart rather than Qt Charts' own: that one truncates entries that
// do not fit on one row ("validati…", "previous ru…"), this one wraps them onto more rows, each row
// centred, so a longer translation is never cut. It is also one thing less to port to Qt Graphs.
class LegendStrip : public QWidget
{
public:
    struct Entry
    {
        QPen pen;
        QString text;
    };

    explicit LegendStrip(QWidget *parent);

    // Relayouts and repaints only when the entries differ from those shown.
    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    // Follows the application's font (presenter mode) at 12 points or more.
    bool event(QEvent *event) override;

private:
    double em() const;
    double sampleWidth() const { return 2.2 * em(); }
    double gap() const { return 0.4 * em(); }
    double spacing() const { return 1.2 * em(); }
    double margin() const { return 0.5 * em(); }
    double entryWidth(const Entry &entry) const;
    // Entry boxes in rows as wide as width allows, each row centred; *height is the total height.
    QList<QRectF> layoutEntries(int width, double *height) const;

    QList<Entry> m_entries;
};

} // namespace fl
