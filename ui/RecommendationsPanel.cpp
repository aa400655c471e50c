// Why one file (about 800 lines):
// The page's own state machine (the user shown, K, the newest request and the one computation in the
// background) and its layout; its item models and delegates are RecommendationModels and
// RecommendationDelegates.

#include "RecommendationsPanel.h"

#include "ContributionBar.h"
#include "RecommendationDelegates.h"
#include "RecommendationModels.h"
#include "Fonts.h"
#include "Language.h"
#include "ThumbnailCache.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStringListModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

namespace fl {

namespace {

using namespace recommendations;

constexpr int kHistoryCap = 40;         // tiles in the history strip; the rest are counted
constexpr int kDefaultAsyncThreshold = 20000;
constexpr int kMaxK = 1000;

// ---------------------------------------------------------------------------------------------
// The work for one user

// A user's recommendations (the engine's query) and the request they answer.
struct Outcome : UserRecommendations
{
    quint64 generation = 0;
};

Outcome computeTopK(const Recommender &model, const std::vector<int> &historyItems, const std::vector<bool> &coldItem,
                    int user, int k)
{
    Outcome out;
    static_cast<UserRecommendations &>(out) = recommendForUser(model, user, k, historyItems, coldItem);
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------

struct RecommendationsPanel::Private : QObject
{
    explicit Private(RecommendationsPanel *owner);

    void showMessage(const QString &text);
    void showContent();
    void applyUser(int user, bool force);
    void updateHistory();
    void request();
    void startBackground();
    void apply(Outcome outcome);
    void updateLegend();
    void updateHeading();
    void updateNavigation();
    bool usable() const { return dataset && model && message.isEmpty(); }

    RecommendationsPanel *q;
    std::shared_ptr<const Dataset> dataset;
    std::shared_ptr<const Recommender> model;
    std::vector<bool> coldItem;
    UserHistories histories;   // each user's training interactions, newest first
    QString message;

    int user = -1;
    QString rememberedUserId;
    int k = 10;
    int asyncThreshold = kDefaultAsyncThreshold;

    quint64 generation = 0;       // of the newest request
    bool running = false;         // a background computation is running
    bool pending = false;         // a newer request waits for it
    Outcome shown;                // what the table shows
    ContributionScale scale;
    ContributionPalette palette;

    ThumbnailCache *cache = nullptr;
    Thumbnails tableThumbnails;
    Thumbnails historyThumbnails;
    TopModel *top = nullptr;
    HistoryModel *history = nullptr;
    QStringListModel *userIds = nullptr;

    QStackedWidget *stack = nullptr;
    QLabel *messageLabel = nullptr;
    int contentMinimumWidth = 0;   // the panel's minimum width while the content is shown
    QWidget *content = nullptr;
    QComboBox *userBox = nullptr;
    QToolButton *previous = nullptr;
    QToolButton *next = nullptr;
    QPushButton *random = nullptr;
    QSpinBox *kBox = nullptr;
    QLabel *historyHeading = nullptr;
    QListView *historyView = nullptr;
    HistoryDelegate *historyDelegate = nullptr;
    QLabel *historyMore = nullptr;
    QLabel *topHeading = nullptr;
    QProgressBar *busy = nullptr;
    QLabel *legend = nullptr;
    QString legendPlain;
    QStringList legendParts;
    QTableView *table = nullptr;
};

RecommendationsPanel::Private::Private(RecommendationsPanel *owner)
    : q(owner)
{
    const QFont base = sizedFont(q->font(), 11);
    cache = new ThumbnailCache(32 << 20, this);
    tableThumbnails.cache = cache;
    historyThumbnails.cache = cache;
    top = new TopModel(&tableThumbnails, this);
    history = new HistoryModel(&historyThumbnails, this);
    userIds = new QStringListModel(this);
    connect(cache, &ThumbnailCache::thumbnailReady, this, [this](const QString &path, QSize size) {
        if (size == tableThumbnails.pixels)
            top->thumbnailArrived(path);
        if (size == historyThumbnails.pixels)
            history->thumbnailArrived(path);
    });

    auto *outer = new QVBoxLayout(q);
    outer->setContentsMargins(0, 0, 0, 0);
    stack = new QStackedWidget(q);
    outer->addWidget(stack);

    messageLabel = new QLabel(stack);
    messageLabel->setObjectName(QStringLiteral("recommendationsMessage"));
    messageLabel->setAlignment(Qt::AlignCenter);
    messageLabel->setWordWrap(true);
    messageLabel->setFont(sizedFont(base, 13));
    messageLabel->setMargin(24);
    stack->addWidget(messageLabel);

    content = new QWidget(stack);
    content->setFont(base);  // buttons and boxes too: readable on a projector
    stack->addWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    // The user row.
    auto *userRow = new QHBoxLayout;
    auto *userLabel = new QLabel(RecommendationsPanel::tr("&User:"), content);
    userLabel->setFont(sizedFont(base, 12, true));
    userBox = new QComboBox(content);
    userBox->setObjectName(QStringLiteral("userBox"));
    userBox->setEditable(true);
    userBox->setInsertPolicy(QComboBox::NoInsert);
    // Never measure 60k ids for a size hint.
    userBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    userBox->setMinimumContentsLength(8);
    userBox->setMaxVisibleItems(15);
    userBox->setModel(userIds);
    userBox->setFont(sizedFont(base, 12));
    userBox->setAccessibleName(RecommendationsPanel::tr("User"));
    userBox->setToolTip(RecommendationsPanel::tr("Type any part of a user id"));
    if (auto *list = qobject_cast<QListView *>(userBox->view()))
        list->setUniformItemSizes(true);
    if (QCompleter *completer = userBox->completer()) {
        completer->setCompletionMode(QCompleter::PopupCompletion);
        completer->setFilterMode(Qt::MatchContains);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setMaxVisibleItems(12);
    }
    userLabel->setBuddy(userBox);
    previous = new QToolButton(content);
    previous->setObjectName(QStringLiteral("previousUser"));
    previous->setArrowType(Qt::LeftArrow);
    previous->setText(RecommendationsPanel::tr("Previous"));
    previous->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    previous->setToolTip(RecommendationsPanel::tr("Previous user"));
    previous->setAccessibleName(RecommendationsPanel::tr("Previous user"));
    next = new QToolButton(content);
    next->setObjectName(QStringLiteral("nextUser"));
    next->setArrowType(Qt::RightArrow);
    next->setText(RecommendationsPanel::tr("Next"));
    next->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    next->setToolTip(RecommendationsPanel::tr("Next user"));
    next->setAccessibleName(RecommendationsPanel::tr("Next user"));
    random = new QPushButton(RecommendationsPanel::tr("&Random user"), content);
    random->setObjectName(QStringLiteral("randomUser"));
    random->setMinimumWidth(random->sizeHint().width());   // its label never clips; the stretch gives way
    auto *kLabel = new QLabel(RecommendationsPanel::tr("&Show top:"), content);
    kBox = new QSpinBox(content);
    kBox->setObjectName(QStringLiteral("kBox"));
    kBox->setRange(1, kMaxK);
    kBox->setValue(k);
    kBox->setAccessibleName(RecommendationsPanel::tr("Number of recommendations"));
    kLabel->setBuddy(kBox);
    busy = new QProgressBar(content);
    busy->setRange(0, 0);
    busy->setTextVisible(false);
    busy->setMaximumWidth(120);
    QSizePolicy keep = busy->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    keep.setHorizontalPolicy(QSizePolicy::Ignored);
    busy->setSizePolicy(keep);
    busy->hide();
    userRow->addWidget(userLabel);
    userRow->addWidget(userBox, 1);
    userRow->addWidget(previous);
    userRow->addWidget(next);
    userRow->addWidget(random);
    userRow->addSpacing(16);
    userRow->addWidget(kLabel);
    userRow->addWidget(kBox);
    userRow->addStretch(1);
    userRow->addWidget(busy);
    layout->addLayout(userRow);

    // History.
    historyHeading = new QLabel(content);
    historyHeading->setObjectName(QStringLiteral("historyHeading"));
    historyHeading->setFont(sizedFont(base, 12, true));
    historyHeading->setWordWrap(true);
    layout->addWidget(historyHeading);
    auto *historyRow = new QHBoxLayout;
    historyView = new QListView(content);
    historyView->setObjectName(QStringLiteral("historyStrip"));
    historyView->setFlow(QListView::LeftToRight);
    historyView->setWrapping(false);
    historyView->setUniformItemSizes(true);
    historyView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    historyView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    historyView->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    historyView->setSpacing(2);
    historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    historyView->setSelectionMode(QAbstractItemView::NoSelection);
    historyView->setFont(base);
    historyView->setModel(history);
    historyView->setAccessibleName(RecommendationsPanel::tr("Training history"));
    historyDelegate = new HistoryDelegate(history, historyView);
    historyView->setItemDelegate(historyDelegate);
    historyMore = new QLabel(content);
    historyMore->setObjectName(QStringLiteral("historyMore"));
    historyMore->setFont(base);
    historyMore->setWordWrap(true);
    historyMore->setAlignment(Qt::AlignCenter);
    historyMore->setMaximumWidth(QFontMetrics(base).averageCharWidth() * 14);
    historyRow->addWidget(historyView, 1);
    historyRow->addWidget(historyMore);
    layout->addLayout(historyRow);

    // Top K.
    topHeading = new QLabel(content);
    topHeading->setObjectName(QStringLiteral("topHeading"));
    topHeading->setFont(sizedFont(base, 12, true));
    topHeading->setWordWrap(true);
    layout->addSpacing(4);
    layout->addWidget(topHeading);
    legend = new QLabel(content);
    legend->setObjectName(QStringLiteral("legend"));
    legend->setFont(base);
    legend->setWordWrap(true);
    legend->setTextFormat(Qt::RichText);
    layout->addWidget(legend);
    table = new QTableView(content);
    table->setObjectName(QStringLiteral("recommendationsTable"));
    table->setModel(top);
    table->setFont(base);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setFont(sizedFont(base, 11, true));
    table->setAccessibleName(RecommendationsPanel::tr("Recommendations"));
    table->setItemDelegateForColumn(ThumbnailColumn, new ThumbnailDelegate(kTableThumbnail, table));
    table->setItemDelegateForColumn(TitleColumn, new TitleDelegate(table));
    table->setItemDelegateForColumn(
        ContributionsColumn,
        new ContributionDelegate([this](const QModelIndex &index) { return top->row(index) ? &top->row(index)->parts : nullptr; },
                                 [this](const QModelIndex &index) { return top->row(index) ? top->row(index)->score : 0.0; },
                                 &scale, &palette, table));
    QHeaderView *header = table->horizontalHeader();
    const QFontMetrics metrics(base);
    header->setSectionResizeMode(RankColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(ThumbnailColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ScoreColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(ContributionsColumn, QHeaderView::Stretch);
    const QFontMetrics headerMetrics(header->font());
    auto headerWidth = [&](int column) {
        return headerMetrics.horizontalAdvance(top->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString())
            + 2 * headerMetrics.averageCharWidth();
    };
    table->setColumnWidth(RankColumn, std::max(metrics.horizontalAdvance(QStringLiteral("000")) + 3 * metrics.averageCharWidth(),
                                               headerWidth(RankColumn)));
    table->setColumnWidth(ThumbnailColumn, std::max(kTableThumbnail + 12, headerWidth(ThumbnailColumn)));
    table->setColumnWidth(ScoreColumn, std::max(metrics.horizontalAdvance(QStringLiteral("−00.000")) + 4 * metrics.averageCharWidth(),
                                                headerWidth(ScoreColumn)));
    layout->addWidget(table, 1);

    connect(userBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            applyUser(index, false);
    });
    connect(previous, &QToolButton::clicked, q, &RecommendationsPanel::previousUser);
    connect(next, &QToolButton::clicked, q, &RecommendationsPanel::nextUser);
    connect(random, &QPushButton::clicked, q, &RecommendationsPanel::randomUser);
    connect(kBox, &QSpinBox::valueChanged, q, &RecommendationsPanel::setK);
}

void RecommendationsPanel::Private::showMessage(const QString &text)
{
    message = text;
    messageLabel->setText(text);
    stack->setCurrentWidget(messageLabel);
    // The minimum widths (the window's, the hidden table page's) are the table's: a message wraps to
    // any width, and held at the table's width in a narrow window it was cut off at both sides.
    if (q->minimumWidth() > 0) {
        contentMinimumWidth = q->minimumWidth();
        q->setMinimumWidth(0);
    }
    content->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
}

void RecommendationsPanel::Private::showContent()
{
    message.clear();
    messageLabel->clear();
    stack->setCurrentWidget(content);
    content->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    if (contentMinimumWidth > 0 && q->minimumWidth() == 0)
        q->setMinimumWidth(contentMinimumWidth);
}

void RecommendationsPanel::Private::applyUser(int newUser, bool force)
{
    if (!usable() || newUser < 0 || newUser >= dataset->userCount())
        return;
    if (newUser == user && !force)
        return;
    const bool changed = newUser != user;
    user = newUser;
    rememberedUserId = dataset->userIds.value(user);
    if (userBox->currentIndex() != user) {
        const QSignalBlocker block(userBox);
        userBox->setCurrentIndex(user);
    }
    updateNavigation();
    updateHistory();
    request();
    if (changed)
        Q_EMIT q->currentUserChanged(user);
}

void RecommendationsPanel::Private::updateHistory()
{
    const bool timestamps = histories.hasTimestamps();
    const bool implicit = histories.isImplicit();
    const std::span<const HistoryEntry> all = histories.of(user);
    const int total = int(all.size());
    const int shownCount = std::min(total, kHistoryCap);
    history->setEntries(dataset, std::vector<HistoryEntry>(all.begin(), all.begin() + shownCount), timestamps, implicit);

    const QString id = dataset->userIds.value(user);
    QString heading;
    if (total == 0)
        heading = RecommendationsPanel::tr("%1 has no training interactions: the model knows nothing of their taste.").arg(id);
    else if (implicit)
        heading = timestamps ? RecommendationsPanel::tr("What %1 interacted with in training (%2), newest first").arg(id, number(total))
                             : RecommendationsPanel::tr("What %1 interacted with in training (%2)").arg(id, number(total));
    else
        heading = timestamps ? RecommendationsPanel::tr("What %1 rated in training (%2), newest first").arg(id, number(total))
                             : RecommendationsPanel::tr("What %1 rated in training (%2)").arg(id, number(total));
    historyHeading->setText(heading);
    historyView->setVisible(total > 0);
    const int more = total - shownCount;
    historyMore->setText(more > 0 ? RecommendationsPanel::tr("and %1 more").arg(number(more)) : QString());
    historyMore->setVisible(more > 0);
    historyView->horizontalScrollBar()->setValue(0);  // the newest first in view
}

void RecommendationsPanel::Private::updateNavigation()
{
    const bool ok = usable();
    const int users = ok ? dataset->userCount() : 0;
    previous->setEnabled(ok && user > 0);
    next->setEnabled(ok && user + 1 < users);
    random->setEnabled(ok && users > 1);
    userBox->setEnabled(ok && users > 0);
}

void RecommendationsPanel::Private::request()
{
    const quint64 run = ++generation;
    if (!usable() || user < 0)
        return;
    if (model->itemCount() <= asyncThreshold) {
        pending = false;
        Outcome outcome = computeTopK(*model, histories.items(user), coldItem, user, k);
        outcome.generation = run;
        apply(std::move(outcome));
        return;
    }
    // Until the result arrives the table is empty rather than showing another user's items.
    top->setRows(dataset, {});
    scale = {};
    shown = Outcome{};
    if (running)
        pending = true;
    else
        startBackground();
    updateLegend();
    updateHeading();
}

void RecommendationsPanel::Private::startBackground()
{
    pending = false;
    running = true;
    busy->show();
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        running = false;
        Outcome outcome = watcher->result();
        if (pending && usable()) {
            startBackground();  // the newest request; this result answers an older one
            return;
        }
        pending = false;
        busy->hide();
        if (outcome.generation == generation && usable())
            apply(std::move(outcome));
    });
    watcher->setFuture(QtConcurrent::run([model = model, items = histories.items(user), cold = coldItem, u = user, kk = k,
                                          run = generation]() {
        Outcome outcome = computeTopK(*model, items, cold, u, kk);
        outcome.generation = run;
        return outcome;
    }));
}

void RecommendationsPanel::Private::apply(Outcome outcome)
{
    scale = {};
    for (const Recommendation &r : outcome.rows)
        scale.include(r.parts);
    for (const Recommendation &r : outcome.rows) {
        for (const ScoreContribution &c : r.parts)
            palette.color(c.part);  // colours in order of first appearance
    }
    shown = outcome;
    top->setRows(dataset, std::move(outcome.rows));
    updateLegend();
    updateHeading();
    Q_EMIT q->recommendationsReady();
}

void RecommendationsPanel::Private::updateLegend()
{
    legendParts.clear();
    for (const Recommendation &r : top->rows()) {
        for (const ScoreContribution &c : r.parts) {
            if (!legendParts.contains(c.part))
                legendParts << c.part;
        }
    }
    if (legendParts.isEmpty()) {
        legend->clear();
        legendPlain.clear();
        legend->hide();
        return;
    }
    QStringList html;
    QStringList plain;
    for (const QString &part : std::as_const(legendParts)) {
        const QColor c = palette.color(part);
        // A swatch and its name never break apart; entries wrap between each other.
        html << QStringLiteral("<span style=\"white-space:nowrap\"><span style=\"background-color:%1; color:%1\">"
                               "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;%2</span>")
                    .arg(c.name(), contributionPartName(part).toHtmlEscaped());
        plain << contributionPartName(part);
    }
    const QString explanation = RecommendationsPanel::tr("▼ score · left of the line lowers it, right raises it");
    legend->setText(QStringLiteral("%1 &nbsp;&nbsp;&nbsp; <span style=\"color:#505050\">%2</span>")
                        .arg(html.join(QStringLiteral(" &nbsp;&nbsp; ")), explanation.toHtmlEscaped()));
    legendPlain = plain.join(QStringLiteral("  ")) + QStringLiteral("  ") + explanation;
    legend->show();
}

void RecommendationsPanel::Private::updateHeading()
{
    if (!usable() || user < 0) {
        topHeading->clear();
        return;
    }
    const QString id = dataset->userIds.value(user);
    const int rows = int(top->rows().size());
    if (running && shown.generation != generation) {
        topHeading->setText(RecommendationsPanel::tr("Scoring %1 items for %2…").arg(number(model->itemCount()), id));
    } else if (rows == 0) {
        topHeading->setText(RecommendationsPanel::tr("Nothing to recommend to %1: every item is already in their history "
                                                     "or has no score.").arg(id));
    } else {
        topHeading->setText(rows == 1 ? RecommendationsPanel::tr("Top recommendation for %1, among %2 items not in their history")
                                            .arg(id, number(shown.candidates))
                                      : RecommendationsPanel::tr("Top %1 recommendations for %2, among %3 items not in their history")
                                            .arg(number(rows), id, number(shown.candidates)));
    }
}

// ---------------------------------------------------------------------------------------------

RecommendationsPanel::RecommendationsPanel(QWidget *parent)
    : QWidget(parent)
    , m_d(std::make_unique<Private>(this))
{
    clear();
}

RecommendationsPanel::~RecommendationsPanel() = default;

void RecommendationsPanel::setModel(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Recommender> recommender,
                                    std::vector<int> trainInteractions, std::vector<bool> coldItem)
{
    if (!dataset || !recommender) {
        clear();
        return;
    }
    Private &d = *m_d;
    if (d.dataset != dataset)
        d.cache->clear();
    d.dataset = std::move(dataset);
    d.model = std::move(recommender);
    d.coldItem = std::move(coldItem);
    d.showContent();
    d.top->setRows(d.dataset, {});
    d.shown = Outcome{};
    d.scale = {};

    const ModalitySource *image = imageModality(*d.dataset);
    const qreal ratio = devicePixelRatioF();
    d.tableThumbnails.image = image;
    d.tableThumbnails.pixels = QSize(kTableThumbnail, kTableThumbnail) * ratio;
    d.historyThumbnails.image = image;
    d.historyThumbnails.pixels = QSize(kHistoryThumbnail, kHistoryThumbnail) * ratio;
    d.table->setColumnHidden(ThumbnailColumn, !image);
    d.historyDelegate->showThumbnails = image != nullptr;
    const QFontMetrics metrics(d.table->font());
    d.table->verticalHeader()->setDefaultSectionSize(std::max(image ? kTableThumbnail + 8 : 0, metrics.height() + 18));
    const QSize tile = d.historyDelegate->tileSize(QFontMetrics(d.historyView->font()));
    d.historyView->setFixedHeight(tile.height() + 2 * d.historyView->frameWidth() + 2 * d.historyView->spacing()
                                  + d.historyView->horizontalScrollBar()->sizeHint().height());

    {
        const QSignalBlocker block(d.userBox);
        d.userIds->setStringList(d.dataset->userIds);  // implicitly shared: no copy of 60k ids
    }
    if (d.model->userCount() != d.dataset->userCount() || d.model->itemCount() != d.dataset->itemCount()) {
        d.user = -1;
        d.showMessage(tr("The model does not fit this dataset: it knows %1 users and %2 items, the dataset has %3 users "
                         "and %4 items. Train the model again on this dataset.")
                          .arg(number(d.model->userCount()), number(d.model->itemCount()), number(d.dataset->userCount()),
                               number(d.dataset->itemCount())));
        d.updateNavigation();
        return;
    }
    if (d.dataset->userCount() == 0) {
        d.user = -1;
        d.showMessage(tr("This dataset has no users to recommend to."));
        d.updateNavigation();
        return;
    }
    d.histories = UserHistories::build(*d.dataset, trainInteractions);

    int chosen = d.rememberedUserId.isEmpty() ? -1 : int(d.dataset->userIds.indexOf(d.rememberedUserId));
    if (chosen < 0)
        chosen = 0;
    d.user = -1;
    d.applyUser(chosen, true);
}

void RecommendationsPanel::clear(const QString &why)
{
    Private &d = *m_d;
    ++d.generation;
    d.pending = false;
    d.dataset.reset();
    d.model.reset();
    d.coldItem.clear();
    d.histories = {};
    d.user = -1;
    d.shown = Outcome{};
    d.scale = {};
    d.top->setRows(nullptr, {});
    d.history->setEntries(nullptr, {}, false, false);
    d.tableThumbnails.image = nullptr;
    d.historyThumbnails.image = nullptr;
    d.busy->hide();
    {
        const QSignalBlocker block(d.userBox);
        d.userIds->setStringList({});
    }
    d.updateLegend();
    d.showMessage(!why.isEmpty() ? why
                                 : tr("No model yet.\n\nTrain a model first: its recommendations, and why it makes them, "
                                      "will appear here."));
    d.updateNavigation();
}

void RecommendationsPanel::setK(int k)
{
    k = std::clamp(k, 1, kMaxK);
    if (m_d->kBox->value() != k) {
        const QSignalBlocker block(m_d->kBox);
        m_d->kBox->setValue(k);
    }
    if (k == m_d->k)
        return;
    m_d->k = k;
    m_d->request();
}

int RecommendationsPanel::k() const
{
    return m_d->k;
}

int RecommendationsPanel::currentUser() const
{
    return m_d->usable() ? m_d->user : -1;
}

QString RecommendationsPanel::currentUserId() const
{
    return currentUser() >= 0 ? m_d->dataset->userIds.value(m_d->user) : QString();
}

void RecommendationsPanel::setCurrentUser(int user)
{
    m_d->applyUser(user, false);
}

void RecommendationsPanel::setCurrentUserId(const QString &id)
{
    if (m_d->usable())
        m_d->applyUser(int(m_d->dataset->userIds.indexOf(id)), false);
}

void RecommendationsPanel::previousUser()
{
    if (m_d->usable() && m_d->user > 0)
        m_d->applyUser(m_d->user - 1, false);
}

void RecommendationsPanel::nextUser()
{
    if (m_d->usable() && m_d->user + 1 < m_d->dataset->userCount())
        m_d->applyUser(m_d->user + 1, false);
}

void RecommendationsPanel::randomUser()
{
    if (!m_d->usable())
        return;
    const int users = m_d->dataset->userCount();
    if (users < 2)
        return;
    // Another user than the current one, so the button always changes something.
    int pick = int(QRandomGenerator::global()->bounded(users - 1));
    if (pick >= m_d->user)
        ++pick;
    m_d->applyUser(pick, false);
}

void RecommendationsPanel::setAsyncItemThreshold(int items)
{
    m_d->asyncThreshold = std::max(0, items);
}

int RecommendationsPanel::asyncItemThreshold() const
{
    return m_d->asyncThreshold;
}

bool RecommendationsPanel::isBusy() const
{
    return m_d->running;
}

const std::vector<RecommendationsPanel::Recommendation> &RecommendationsPanel::recommendations() const
{
    return m_d->top->rows();
}

std::vector<int> RecommendationsPanel::historyItems() const
{
    std::vector<int> items;
    for (const HistoryEntry &e : m_d->history->entries())
        items.push_back(e.item);
    return items;
}

int RecommendationsPanel::historyTotal() const
{
    if (currentUser() < 0)
        return 0;
    return m_d->histories.count(m_d->user);
}

QString RecommendationsPanel::historyMoreText() const
{
    return m_d->historyMore->text();
}

QString RecommendationsPanel::messageText() const
{
    return m_d->message;
}

QString RecommendationsPanel::legendText() const
{
    return m_d->legendPlain;
}

QStringList RecommendationsPanel::legendParts() const
{
    return m_d->legendParts;
}

QAbstractItemModel *RecommendationsPanel::recommendationsModel() const
{
    return m_d->top;
}

QAbstractItemModel *RecommendationsPanel::historyModel() const
{
    return m_d->history;
}

QTableView *RecommendationsPanel::recommendationsView() const
{
    return m_d->table;
}

QListView *RecommendationsPanel::historyView() const
{
    return m_d->historyView;
}

QComboBox *RecommendationsPanel::userBox() const
{
    return m_d->userBox;
}

} // namespace fl
