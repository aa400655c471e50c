#pragma once

// A fusion weight's slider that can also show where training has taken that weight: with learned
// fusion weights (PipelineConfig::learnWeights) a small triangle above the groove marks the learned
// value, so the weight the user chose (the handle) and the one the data prefers sit on one scale.

#include <QSlider>

#include <optional>

namespace fl {

class WeightSlider : public QSlider
{
    Q_OBJECT

public:
    explicit WeightSlider(QWidget *parent = nullptr);

    // Whether the slider keeps room above its groove for a marker (off: a plain slider's height).
    void setMarkerRoom(bool room);
    // The marker at a slider value (clamped to the range), or none.
    void setMarker(std::optional<int> value);
    std::optional<int> marker() const { return m_marker; }
    // The marker's centre in widget coordinates (for tests); none without a marker.
    std::optional<int> markerX() const;

    // Room above the groove for the marker.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int markerHeight() const;

    std::optional<int> m_marker;
    bool m_room = false;
};

} // namespace fl
