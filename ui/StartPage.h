#pragma once

// What a first launch shows over the window: the five lessons as large buttons (one click opens a
// lesson with its data and parameters) and "Just explore". Help ▸ Start Page brings it back.

#include <QDialog>

#include <vector>

class QPushButton;

namespace fl {

class StartPage : public QDialog
{
    Q_OBJECT

public:
    explicit StartPage(QWidget *parent = nullptr);

    QPushButton *lessonButton(int number) const;   // 1-based; null out of range
    QPushButton *exploreButton() const { return m_explore; }

Q_SIGNALS:
    void lessonChosen(int number);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showLessonTitles();   // the buttons' texts in the current language

    std::vector<QPushButton *> m_lessons;
    QPushButton *m_explore = nullptr;
};

} // namespace fl
