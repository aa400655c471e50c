#include "Language.h"

#include "ChartAxes.h"

#include "AppSettings.h"

#include <QAbstractAxis>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QAbstractSeries>
#include <QAbstractSpinBox>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QMenu>
#include <QMutex>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QSpinBox>
#include <QTabBar>
#include <QTextEdit>
#include <QToolBox>
#include <QTranslator>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

namespace fl {

// The translator FusionLab installs: it asks the language's catalogues (FusionLab's, then Qt's) and
// remembers which message each text it returns came from, so that a text on screen can be translated
// again into another language. tr() runs on worker threads too (engine messages): hence the mutex.
class LanguageCatalog : public QTranslator
{
public:
    struct Message
    {
        QByteArray context;
        QByteArray source;
        QByteArray disambiguation;   // null when the message has none
        bool plural = false;         // translated with a number: "%n run(s)"
        // For a text composed from a message with placeholders ("epoch %1" shown as "epoch 12"): the
        // texts that filled them, by placeholder number (0 for a plural's %n).
        QMap<int, QString> arguments;
    };

    void setTranslators(std::vector<std::unique_ptr<QTranslator>> translators)
    {
        const QMutexLocker lock(&m_mutex);
        m_translators = std::move(translators);
    }

    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        const QMutexLocker lock(&m_mutex);
        QString result;
        for (const auto &translator : m_translators) {
            result = translator->translate(context, sourceText, disambiguation, n);
            if (!result.isNull())
                break;
        }
        // Untranslated (English) texts are returned as they are, so that they are remembered too.
        if (result.isNull())
            result = QString::fromUtf8(sourceText);
        // A plural's text is remembered with its %n, which Qt replaces by the number afterwards.
        if (!result.isEmpty() && context) {
            QList<Message> &messages = m_messages[result];
            const Message message{context, sourceText, disambiguation ? QByteArray(disambiguation) : QByteArray(), n >= 0, {}};
            const bool known = std::any_of(messages.cbegin(), messages.cend(), [&message](const Message &m) {
                return m.context == message.context && m.source == message.source && m.disambiguation == message.disambiguation
                    && m.plural == message.plural;
            });
            if (!known) {
                messages.append(message);
                if (messages.size() == 1)
                    addTemplate(result);
            }
        }
        return result;
    }

    bool isEmpty() const override { return false; }

    // The message text came from; with ownerOnly, only one whose context is the class of owner or of
    // an ancestor (a label showing a modality named "text" is no ContributionBar's "text").
    std::optional<Message> messageOf(const QString &text, const QObject *owner, bool ownerOnly) const
    {
        QList<Message> messages;
        {
            const QMutexLocker lock(&m_mutex);
            messages = m_messages.value(text);
        }
        if (messages.isEmpty())
            return composedFrom(text, owner, ownerOnly);
        return pick(messages, owner, ownerOnly);
    }

private:
    // A message's text with placeholders, as a pattern that finds the arguments in a composed text.
    struct Template
    {
        QString text;
        QRegularExpression pattern;
        QList<int> placeholders;   // the number of each capture group's placeholder
        qsizetype literalLength = 0;
        QString anchor;            // the longest literal part: a cheap test before the pattern
    };

    // Called with m_mutex held.
    void addTemplate(const QString &text) const
    {
        static const QRegularExpression placeholder(QStringLiteral("%L?([1-9][0-9]?|n)"));
        Template t;
        t.text = text;
        QString regex = QStringLiteral("^");
        qsizetype from = 0;
        const auto literal = [&](QStringView part) {
            regex += QRegularExpression::escape(part.toString());
            t.literalLength += part.trimmed().size();
            if (part.trimmed().size() > t.anchor.size())
                t.anchor = part.trimmed().toString();
        };
        for (auto it = placeholder.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            literal(QStringView(text).mid(from, m.capturedStart() - from));
            regex += QStringLiteral("(.*?)");
            t.placeholders << (m.captured(1) == QLatin1String("n") ? 0 : m.captured(1).toInt());
            from = m.capturedEnd();
        }
        if (t.placeholders.isEmpty())
            return;
        literal(QStringView(text).mid(from));
        // "%1 %2" and the like match any text: too little of the message is left to recognise it.
        if (t.literalLength < 4)
            return;
        regex += QStringLiteral("$");
        t.pattern = QRegularExpression(regex, QRegularExpression::DotMatchesEverythingOption);
        m_templates.append(std::move(t));
    }

    std::optional<Message> composedFrom(const QString &text, const QObject *owner, bool ownerOnly) const
    {
        const QMutexLocker lock(&m_mutex);
        const Template *best = nullptr;
        QRegularExpressionMatch bestMatch;
        for (const Template &t : m_templates) {
            if (best && t.literalLength <= best->literalLength)
                continue;
            if (!text.contains(t.anchor))
                continue;
            QRegularExpressionMatch m = t.pattern.match(text);
            if (m.hasMatch() && pick(m_messages.value(t.text), owner, ownerOnly)) {
                best = &t;
                bestMatch = m;
            }
        }
        if (!best)
            return std::nullopt;
        Message message = *pick(m_messages.value(best->text), owner, ownerOnly);
        for (int i = 0; i < best->placeholders.size(); ++i)
            message.arguments.insert(best->placeholders[i], bestMatch.captured(i + 1));
        return message;
    }

    static std::optional<Message> pick(const QList<Message> &messages, const QObject *owner, bool ownerOnly)
    {
        if (messages.isEmpty())
            return std::nullopt;
        if (messages.size() > 1 || ownerOnly) {
            for (const QObject *o = owner; o; o = o->parent()) {
                for (const QMetaObject *meta = o->metaObject(); meta; meta = meta->superClass()) {
                    for (const Message &m : messages) {
                        if (m.context == meta->className())
                            return m;
                    }
                }
            }
        }
        if (ownerOnly)
            return std::nullopt;
        return messages.front();
    }

    mutable QMutex m_mutex;
    std::vector<std::unique_ptr<QTranslator>> m_translators;
    mutable QHash<QString, QList<Message>> m_messages;
    mutable QList<Template> m_templates;
};

namespace {

Language *g_instance = nullptr;

bool skipped(const QObject *o)
{
    const QVariant flag = o->property("retranslate");
    return flag.isValid() && !flag.toBool();
}

// The model that holds the data behind a view, beneath any proxies.
QAbstractItemModel *sourceModel(QAbstractItemModel *model)
{
    while (auto *proxy = qobject_cast<QAbstractProxyModel *>(model)) {
        if (!proxy->sourceModel())
            break;
        model = proxy->sourceModel();
    }
    return model;
}

} // namespace

Language::Language(QObject *parent)
    : QObject(parent)
    , m_catalog(new LanguageCatalog)
{
    m_catalog->setParent(this);
    QCoreApplication::installTranslator(m_catalog);
    g_instance = this;
}

Language::~Language()
{
    QCoreApplication::removeTranslator(m_catalog);
    if (g_instance == this)
        g_instance = nullptr;
}

Language *Language::instance()
{
    return g_instance;
}

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString Language::nativeName(const QString &code)
{
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

QString Language::normalized(const QString &name)
{
    QString n = name.trimmed();
    n.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (n.isEmpty())
        return {};
    // Any Chinese locale gets the Simplified Chinese catalogue: the only Chinese one there is.
    switch (QLocale(n).language()) {
    case QLocale::Chinese: return QStringLiteral("zh_CN");
    case QLocale::English: return QStringLiteral("en");
    default: return {};
    }
}

QString Language::systemLanguage()
{
    const QStringList preferred = QLocale::system().uiLanguages();
    for (const QString &name : preferred) {
        if (const QString code = normalized(name); !code.isEmpty())
            return code;
    }
    return QStringLiteral("en");
}

QString Language::current()
{
    return g_instance ? g_instance->m_code : QStringLiteral("en");
}

void Language::setCatalogDirectory(const QString &directory)
{
    m_directory = directory;
}

bool Language::setLanguage(const QString &code)
{
    if (!available().contains(code))
        return false;
    std::vector<std::unique_ptr<QTranslator>> translators;
    if (code != QLatin1String("en")) {
        // The catalogue directory's copy first (an installed one, or a test's), else the embedded one.
        auto own = std::make_unique<QTranslator>();
        const QString name = QStringLiteral("fusionlab_%1").arg(code);
        if (own->load(name, m_directory) || own->load(name, QStringLiteral(":/i18n")))
            translators.push_back(std::move(own));
        else
            qWarning("FusionLab: no catalogue fusionlab_%s.qm in %s or :/i18n", qPrintable(code), qPrintable(m_directory));
        // Qt's own dialogs (file dialogs, message box buttons); absent when the system lacks them.
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            translators.push_back(std::move(qt));
    }
    m_catalog->setTranslators(std::move(translators));
    m_code = code;

    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *window : windows)
        retranslate(window);
    // Widgets that compose texts at run time compose them again (QWidget passes the event to its
    // children).
    for (QWidget *window : windows) {
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(window, &event);
    }
    Q_EMIT languageChanged(m_code);
    return true;
}

QMenu *Language::createMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Language"), parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    const QStringList codes = available();
    for (const QString &code : codes) {
        QAction *action = menu->addAction(nativeName(code));
        action->setObjectName(QStringLiteral("language_%1").arg(code));
        action->setProperty("retranslate", false);
        action->setCheckable(true);
        action->setChecked(code == m_code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            if (setLanguage(code))
                AppSettings::setLanguage(code);
        });
        connect(this, &Language::languageChanged, action, [action, code](const QString &now) { action->setChecked(code == now); });
    }
    return menu;
}

QString Language::retranslated(const QString &text, const QObject *owner, bool ownerContextOnly) const
{
    if (text.isEmpty())
        return text;
    const std::optional<LanguageCatalog::Message> message = m_catalog->messageOf(text, owner, ownerContextOnly);
    if (!message)
        return text;
    int n = -1;
    if (message->plural) {
        // The number as Qt wrote it for %n (plain) or %Ln (with the locale's group separators).
        bool ok = false;
        n = message->arguments.value(0).toInt(&ok);
        if (!ok)
            n = QLocale().toInt(message->arguments.value(0), &ok);
        if (!ok)
            return text;
    }
    const QString translated = QCoreApplication::translate(message->context.constData(), message->source.constData(),
                                                           message->disambiguation.isNull() ? nullptr : message->disambiguation.constData(), n);
    if (message->arguments.isEmpty())
        return translated;
    // The arguments go back where the new language's text puts them; an argument that was itself a
    // message ("Loading the demo dataset …") is translated too.
    static const QRegularExpression placeholder(QStringLiteral("%L?([1-9][0-9]?)"));
    QString result;
    qsizetype from = 0;
    for (auto it = placeholder.globalMatch(translated); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        result += QStringView(translated).mid(from, m.capturedStart() - from);
        const int number = m.captured(1).toInt();
        result += message->arguments.contains(number) ? retranslatedWhole(message->arguments.value(number), owner, ownerContextOnly)
                                                      : m.captured(0);
        from = m.capturedEnd();
    }
    result += QStringView(translated).mid(from);
    return result;
}

QString Language::retranslatedWhole(const QString &text, const QObject *owner, bool ownerContextOnly) const
{
    const std::optional<LanguageCatalog::Message> message = m_catalog->messageOf(text, owner, ownerContextOnly);
    if (!message || message->plural || !message->arguments.isEmpty())
        return text;
    return QCoreApplication::translate(message->context.constData(), message->source.constData(),
                                       message->disambiguation.isNull() ? nullptr : message->disambiguation.constData());
}

void Language::retranslate(QWidget *root) const
{
    if (!root)
        return;
    const auto again = [this](const QString &text, const QObject *owner) { return retranslated(text, owner); };
    // Labels, buttons and combo items often show data (a modality's name, a metric key read back with
    // currentText()): they change only for a message of their own class or an ancestor's.
    const auto ownAgain = [this](const QString &text, const QObject *owner) { return retranslated(text, owner, true); };
    QSet<QObject *> done;
    QSet<QAbstractItemModel *> models;

    const auto retranslateAction = [&](QAction *action) {
        if (done.contains(action) || skipped(action))
            return;
        done.insert(action);
        // A menu's title is its action's text.
        const QObject *owner = action->menu() ? static_cast<QObject *>(action->menu()) : action;
        const QString text = action->text();
        const QString iconText = action->iconText();
        action->setText(again(text, owner));
        // Unless set apart, the icon text follows the text (without its '&'): setting it would fix it.
        if (const QString translated = again(iconText, owner); translated != iconText)
            action->setIconText(translated);
        // The same holds for the tooltip, which follows the text unless set.
        if (const QString tip = action->toolTip(), translated = again(tip, owner); translated != tip)
            action->setToolTip(translated);
        action->setStatusTip(again(action->statusTip(), owner));
        action->setWhatsThis(again(action->whatsThis(), owner));
    };

    const auto retranslateWidget = [&](QWidget *w) {
        if (done.contains(w) || skipped(w))
            return;
        done.insert(w);
        if (!w->windowTitle().isEmpty())
            w->setWindowTitle(again(w->windowTitle(), w));
        w->setToolTip(again(w->toolTip(), w));
        w->setStatusTip(again(w->statusTip(), w));
        w->setWhatsThis(again(w->whatsThis(), w));
        w->setAccessibleName(again(w->accessibleName(), w));
        w->setAccessibleDescription(again(w->accessibleDescription(), w));
        if (auto *label = qobject_cast<QLabel *>(w)) {
            label->setText(ownAgain(label->text(), w));
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            button->setText(ownAgain(button->text(), w));
        } else if (auto *group = qobject_cast<QGroupBox *>(w)) {
            group->setTitle(again(group->title(), w));
        } else if (auto *line = qobject_cast<QLineEdit *>(w)) {
            line->setPlaceholderText(again(line->placeholderText(), w));
        } else if (auto *text = qobject_cast<QTextEdit *>(w)) {
            text->setPlaceholderText(again(text->placeholderText(), w));
        } else if (auto *plain = qobject_cast<QPlainTextEdit *>(w)) {
            plain->setPlaceholderText(again(plain->placeholderText(), w));
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            // The items' texts change, not the choice: nobody is told of a "new" current text.
            const QSignalBlocker blocker(combo);
            for (int i = 0; i < combo->count(); ++i) {
                combo->setItemText(i, ownAgain(combo->itemText(i), w));
                const QVariant tip = combo->itemData(i, Qt::ToolTipRole);
                if (tip.typeId() == QMetaType::QString)
                    combo->setItemData(i, again(tip.toString(), w), Qt::ToolTipRole);
            }
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setTabText(i, again(tabs->tabText(i), w));
                tabs->setTabToolTip(i, again(tabs->tabToolTip(i), w));
                tabs->setTabWhatsThis(i, again(tabs->tabWhatsThis(i), w));
            }
        } else if (auto *toolBox = qobject_cast<QToolBox *>(w)) {
            for (int i = 0; i < toolBox->count(); ++i) {
                toolBox->setItemText(i, again(toolBox->itemText(i), w));
                toolBox->setItemToolTip(i, again(toolBox->itemToolTip(i), w));
            }
        } else if (auto *chartView = qobject_cast<QChartView *>(w)) {
            if (QChart *chart = chartView->chart()) {
                chart->setTitle(again(chart->title(), w));
                const QList<QAbstractAxis *> axes = chart->axes();
                for (QAbstractAxis *axis : axes)
                    setAxisTitle(axis, again(axis->titleText(), w));
                const QList<QAbstractSeries *> series = chart->series();
                for (QAbstractSeries *s : series)
                    s->setName(again(s->name(), w));
            }
        } else if (auto *view = qobject_cast<QAbstractItemView *>(w)) {
            if (view->model())
                models.insert(sourceModel(view->model()));
        }
        if (auto *spin = qobject_cast<QAbstractSpinBox *>(w)) {
            spin->setSpecialValueText(again(spin->specialValueText(), w));
            if (auto *intSpin = qobject_cast<QSpinBox *>(w)) {
                intSpin->setPrefix(again(intSpin->prefix(), w));
                intSpin->setSuffix(again(intSpin->suffix(), w));
            } else if (auto *doubleSpin = qobject_cast<QDoubleSpinBox *>(w)) {
                doubleSpin->setPrefix(again(doubleSpin->prefix(), w));
                doubleSpin->setSuffix(again(doubleSpin->suffix(), w));
            }
        }
        const QList<QAction *> actions = w->actions();
        for (QAction *action : actions)
            retranslateAction(action);
    };

    retranslateWidget(root);
    const QList<QObject *> descendants = root->findChildren<QObject *>();
    for (QObject *o : descendants) {
        if (auto *w = qobject_cast<QWidget *>(o))
            retranslateWidget(w);
        else if (auto *action = qobject_cast<QAction *>(o))
            retranslateAction(action);
    }
    // Models produce their texts when asked (data(), headerData() call tr()): ask the views to ask
    // again. Their signals are public; emitting them from here is what a model would do itself.
    for (QAbstractItemModel *model : std::as_const(models)) {
        const int rows = model->rowCount();
        const int columns = model->columnCount();
        if (columns > 0)
            Q_EMIT model->headerDataChanged(Qt::Horizontal, 0, columns - 1);
        if (rows > 0) {
            Q_EMIT model->headerDataChanged(Qt::Vertical, 0, rows - 1);
            if (columns > 0)
                Q_EMIT model->dataChanged(model->index(0, 0), model->index(rows - 1, columns - 1));
        }
    }
}

} // namespace fl
