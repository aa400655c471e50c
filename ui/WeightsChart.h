#pragma once

// The regression's weights as a live bar chart: one bar per weight wⱼ (and the bias b, apart at the
// right) in the upper band, and right below each its gradient ∂L/∂wⱼ — the direction the next step
// goes against — in the lower band, so that a class sees which weights move, which way, and how the
// gradient fades as W nears the optimum. Each band has its own symmetric scale (a gradient is much
// smaller than a weight); the scales only grow, or shrink when the values fall below a quarter of them,
// so that bars of successive Steps can be compared by eye. Concatenated modalities are labelled under
// their columns. Painted by hand: 64 bars of a few pixels each are nothing for QPainter, and the widget
// stays readable at a dock's width. The data come from the engine (TrainingSession::parametersChanged).

#include "engine/models/LinearRegression.h"

#include <QWidget>

namespace fl {

class WeightsChart : public QWidget
{
    Q_OBJECT

public:
    explicit WeightsChart(QWidget *parent = nullptr);

    // Shows these parameters; a snapshot of another length (a new run) starts the scales afresh.
    void setSnapshot(const ParameterSnapshot &snapshot);
    // No bars, and `message` in their place (why there are none).
    void clear(const QString &message);

    const ParameterSnapshot &snapshot() const { return m_snapshot; }
    QString message() const { return m_message; }
    double weightScale() const { return m_weightScale; }
    double gradientScale() const { return m_gradientScale; }
    // Where bar `index` (the bias is the last) of the weights or of the gradient was drawn, for tests
    // and tooltips; empty when nothing is shown.
    QRectF barRect(int index, bool gradient) const;
    // The tooltip text of bar `index`.
    QString describe(int index) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Layout
    {
        QRectF weights;      // the upper band's plot area
        QRectF gradient;     // the lower band's
        QRectF groups;       // the modality labels under both
        double slot = 0;     // horizontal pitch of a bar
        double left = 0;     // x of the first slot
        double biasLeft = 0; // x of the bias' slot (after a gap)
    };
    Layout layout() const;
    double slotX(const Layout &l, int index) const;
    int indexAt(const QPointF &point) const;
    static double updatedScale(double scale, const std::vector<double> &values);

    ParameterSnapshot m_snapshot;
    QString m_message;
    double m_weightScale = 0;
    double m_gradientScale = 0;
};

} // namespace fl
