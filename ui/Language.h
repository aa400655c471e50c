#pragma once

// The language of the window: owns the one translator FusionLab installs (its own catalogue,
// embedded under :/i18n, and Qt's for the standard dialogs), starts from the system locale, and
// switches live (View ▸ Language, fusionlab --lang).
//
// Live switching keeps every widget and its state (dataset, parameters, runs, curves, the page shown,
// a search typed): rebuilding the window would lose what only widgets hold, and a retranslateUi() in
// each of two dozen widgets would repeat every constructor's texts and drift from them. Instead the
// translator remembers, for each text it hands out, the message it came from (context and source),
// and retranslate() walks every window — widget texts, tooltips, tab, menu and action texts, combo
// items, spin box affixes, chart titles — replacing each text that came from a message by the
// message in the new language. A text composed from one message ("epoch %1" shown as "epoch 12") is
// recognised by its message's pattern and recomposed with the same arguments. Item models are told
// that their data and headers changed, so views ask again (data() and headerData() call tr()).
// Labels, buttons and combo items, which often show data, change only for messages of their own
// class or an ancestor's. A text joined from several messages changes when its widget next sets
// it; widgets that want it at once handle QEvent::LanguageChange, sent after the walk.

#include <QObject>
#include <QString>
#include <QStringList>

class QMenu;
class QWidget;

namespace fl {

class LanguageCatalog;

class Language : public QObject
{
    Q_OBJECT

public:
    // Installs the translator on the application; the language is English until setLanguage().
    explicit Language(QObject *parent = nullptr);
    ~Language() override;

    static Language *instance();   // the one constructed, or nullptr
    // The languages FusionLab speaks, as codes: "en", "zh_CN".
    static QStringList available();
    // A language's name in that language ("English", "简体中文"): a menu of them reads the same in any.
    static QString nativeName(const QString &code);
    // The available code a locale name stands for ("zh", "zh-CN", "zh_Hans_CN" → "zh_CN",
    // "en_GB" → "en"); empty when none does.
    static QString normalized(const QString &name);
    // The language of the system locale when FusionLab speaks it, otherwise English.
    static QString systemLanguage();
    // The language in use ("en" when no Language exists, as in the CLI and engine tests).
    static QString current();

    // Loads the language's catalogues and re-translates every open window. A code not in available()
    // changes nothing and returns false.
    bool setLanguage(const QString &code);
    // Where FusionLab's catalogue fusionlab_CODE.qm is looked up first: ":/i18n" unless main() found an
    // installed copy or a test says otherwise. The embedded one (":/i18n") is the fallback.
    void setCatalogDirectory(const QString &directory);

    // View ▸ Language: each language in its own name, checked when in use; choosing one switches to
    // it and remembers it (AppSettings).
    QMenu *createMenu(QWidget *parent);

    // Replaces each text of root and its descendants that came from a message by that message in the
    // current language. Objects with the property "retranslate" set to false are left alone.
    void retranslate(QWidget *root) const;
    // The text's message in the current language, or text itself when it came from none. `owner`
    // settles a text that several messages produced: the one whose context is owner's class (or an
    // ancestor's) wins; with ownerContextOnly, no other message counts.
    QString retranslated(const QString &text, const QObject *owner = nullptr, bool ownerContextOnly = false) const;

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    QString retranslatedWhole(const QString &text, const QObject *owner, bool ownerContextOnly) const;   // not composed

    LanguageCatalog *m_catalog;
    QString m_code = QStringLiteral("en");
    QString m_directory = QStringLiteral(":/i18n");
};

} // namespace fl
