#include "StartPage.h"

#include "Fonts.h"
#include "Lessons.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fl {

StartPage::StartPage(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Welcome to FusionLab"));
    setFont(sizedFont(font(), 11));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);

    auto *heading = new QLabel(tr("Start with a lesson"), this);
    heading->setFont(sizedFont(font(), 16, true));
    auto *intro = new QLabel(tr("Each lesson loads its data and parameters and guides you step by step. "
                                "Help ▸ Lessons opens them again later."), this);
    intro->setWordWrap(true);
    layout->addWidget(heading);
    layout->addWidget(intro);

    for (const Lesson &lesson : lessonCatalog()) {
        // Two lines per button: the title in bold type would need rich text, which buttons lack; the
        // number and a larger font carry the title instead.
        auto *button = new QPushButton(this);
        button->setFont(sizedFont(font(), 12));
        button->setStyleSheet(QStringLiteral("QPushButton { text-align: left; padding: 8px 12px; }"));
        button->setMinimumHeight(64);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        connect(button, &QPushButton::clicked, this, [this, number = lesson.number] {
            accept();
            Q_EMIT lessonChosen(number);
        });
        layout->addWidget(button);
        m_lessons.push_back(button);
    }

    layout->addSpacing(6);
    m_explore = new QPushButton(tr("Just explore"), this);
    m_explore->setFont(sizedFont(font(), 12));
    m_explore->setMinimumHeight(44);
    connect(m_explore, &QPushButton::clicked, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_explore);
    layout->addLayout(row);
    setMinimumWidth(620);
    showLessonTitles();
}

void StartPage::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        showLessonTitles();
}

void StartPage::showLessonTitles()
{
    const std::vector<Lesson> &lessons = lessonCatalog();
    for (size_t i = 0; i < lessons.size() && i < m_lessons.size(); ++i) {
        const Lesson &lesson = lessons[i];
        m_lessons[i]->setText(QStringLiteral("%1.  %2\n      %3").arg(lesson.number).arg(lesson.title.text(), lesson.summary.text()));
    }
}

QPushButton *StartPage::lessonButton(int number) const
{
    return number >= 1 && number <= int(m_lessons.size()) ? m_lessons[size_t(number - 1)] : nullptr;
}

} // namespace fl
