#pragma once

// The status bar's progress for long work (loading a dataset, embedding its modalities): a bar with
// what is happening and a Cancel button. It shows itself only when the work has lasted half a
// second, so quick loads do not flash.

#include <QTimer>
#include <QWidget>

#include <functional>

class QProgressBar;
class QToolButton;

namespace fl {

class ProgressStrip : public QWidget
{
    Q_OBJECT

public:
    explicit ProgressStrip(QWidget *parent = nullptr);

    // Starts (or retitles) a piece of work; onCancel runs when the user presses Cancel.
    void begin(const QString &what, std::function<void()> onCancel);
    void setFraction(double fraction);             // 0..1
    void finish();
    bool isActive() const { return m_active; }

    QProgressBar *bar() const { return m_bar; }
    QToolButton *cancelButton() const { return m_cancel; }

private:
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancel = nullptr;
    QTimer m_showTimer;
    std::function<void()> m_onCancel;
    bool m_active = false;
};

} // namespace fl
