#pragma once

// A non-modal strip above the chart for a diverged run: the engine's message (which names η) and a
// one-click "lower it ×10 and retry". Also shows other engine errors, without the retry button.

#include <QFrame>

class QLabel;
class QPushButton;

namespace fl {

class DivergenceBanner : public QFrame
{
    Q_OBJECT

public:
    explicit DivergenceBanner(QWidget *parent = nullptr);

    void showDivergence(const QString &message);
    void showError(const QString &message);
    QString message() const;
    QPushButton *retryButton() const { return m_retry; }

Q_SIGNALS:
    void retryRequested();

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_text = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace fl
