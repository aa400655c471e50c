#pragma once

// The Recommendations page's item models (RecommendationsPanel.h): the top-K table and the history
// strip, the thumbnails they look up, and the few text helpers they and the panel share. Internal to
// the page; everything they show comes from the engine (UserRecommendations.h).

#include "ContributionBar.h"
#include "Language.h"
#include "RecommendationsPanel.h"
#include "ThumbnailCache.h"

#include "engine/data/Dataset.h"
#include "engine/evaluation/UserRecommendations.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QColor>
#include <QImage>
#include <QLocale>
#include <QSize>
#include <QVariant>

#include <memory>
#include <vector>

namespace fl::recommendations {

using Panel = RecommendationsPanel;
using State = RecommendationsPanel::ThumbnailState;

constexpr int kTableThumbnail = 40;     // logical pixels, square
constexpr int kHistoryThumbnail = 56;

inline const QColor kTextColor(40, 40, 40);
inline const QColor kMutedColor(90, 90, 90);
inline const QColor kBadgeColor(45, 45, 45);

QString number(qint64 value);

// In the window's language when the dataset has titles in it (the demo has English and Chinese ones).
QString titleOf(const Dataset &d, int item);

const ModalitySource *imageModality(const Dataset &d);

// Timestamps as dates when they look like Unix seconds or milliseconds, else as numbers.
QString timeText(qint64 t);

QString ratingText(double value);

// Looks up item thumbnails of one size in the panel's cache.
struct Thumbnails
{
    ThumbnailCache *cache = nullptr;
    const ModalitySource *image = nullptr;  // of the current dataset; null without images
    QSize pixels;

    State state(int item, QImage *out) const
    {
        if (!image || item < 0 || item >= int(image->imagePaths.size()) || image->imagePaths[item].isEmpty()
            || (size_t(item) < image->missing.size() && image->missing[size_t(item)]))
            return State::NoImage;
        switch (cache->lookup(image->imagePaths[item], pixels, out)) {
        case ThumbnailCache::State::Loading: return State::Loading;
        case ThumbnailCache::State::Ready: return State::Ready;
        case ThumbnailCache::State::Failed: return State::Failed;
        }
        return State::Failed;
    }

    QString path(int item) const { return image ? image->imagePaths.value(item) : QString(); }

    QVariant data(int item, int role) const
    {
        switch (role) {
        case Qt::DecorationRole: {
            QImage picture;
            return state(item, &picture) == State::Ready ? QVariant(picture) : QVariant();
        }
        case Panel::ThumbnailStateRole:
            return int(state(item, nullptr));
        case Qt::AccessibleTextRole:
            switch (state(item, nullptr)) {
            case State::NoImage:
            case State::Failed: return RecommendationsPanel::tr("no image");
            case State::Loading: return RecommendationsPanel::tr("loading image");
            case State::Ready: return RecommendationsPanel::tr("image");
            }
            break;
        }
        return {};
    }
};

class TopModel : public QAbstractTableModel
{
public:
    TopModel(const Thumbnails *thumbnails, QObject *parent)
        : QAbstractTableModel(parent)
        , m_thumbnails(thumbnails)
    {
    }

    void setRows(std::shared_ptr<const Dataset> dataset, std::vector<Recommendation> rows)
    {
        beginResetModel();
        m_dataset = std::move(dataset);
        m_rows = std::move(rows);
        endResetModel();
    }

    const std::vector<Recommendation> &rows() const { return m_rows; }

    const Recommendation *row(const QModelIndex &index) const
    {
        return index.isValid() && size_t(index.row()) < m_rows.size() ? &m_rows[size_t(index.row())] : nullptr;
    }

    void thumbnailArrived(const QString &path)
    {
        for (size_t r = 0; r < m_rows.size(); ++r) {
            if (m_thumbnails->path(m_rows[r].item) == path) {
                const QModelIndex cell = index(int(r), Panel::ThumbnailColumn);
                Q_EMIT dataChanged(cell, cell);
            }
        }
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : Panel::ColumnCount; }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal)
            return {};
        if (role == Qt::DisplayRole) {
            switch (section) {
            case Panel::RankColumn: return RecommendationsPanel::tr("#");
            case Panel::ThumbnailColumn: return RecommendationsPanel::tr("Image");
            case Panel::TitleColumn: return RecommendationsPanel::tr("Item");
            case Panel::ScoreColumn: return RecommendationsPanel::tr("Score");
            case Panel::ContributionsColumn: return RecommendationsPanel::tr("Why: parts of the score");
            }
        } else if (role == Qt::ToolTipRole) {
            switch (section) {
            case Panel::RankColumn: return RecommendationsPanel::tr("Rank among the items the user has not rated in training");
            case Panel::ScoreColumn: return RecommendationsPanel::tr("The model's score: higher ranks first");
            case Panel::ContributionsColumn:
                return RecommendationsPanel::tr("What each part of the model adds to the score: parts left of the line lower it, "
                                 "parts right of it raise it. The triangle marks the score. All rows share one scale.");
            }
        }
        return {};
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        const Recommendation *r = row(index);
        if (!r || !m_dataset)
            return {};
        switch (role) {
        case Panel::ItemRole: return r->item;
        case Panel::ScoreRole: return r->score;
        case Panel::ColdRole: return r->cold;
        }
        switch (index.column()) {
        case Panel::RankColumn:
            if (role == Qt::DisplayRole)
                return index.row() + 1;
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignCenter);
            break;
        case Panel::ThumbnailColumn:
            if (role == Qt::ToolTipRole)
                return m_thumbnails->image ? m_thumbnails->path(r->item) : QVariant();
            return m_thumbnails->data(r->item, role);
        case Panel::TitleColumn:
            if (role == Qt::DisplayRole)
                return titleOf(*m_dataset, r->item);
            if (role == Qt::ToolTipRole) {
                QString tip = RecommendationsPanel::tr("%1\nid %2").arg(titleOf(*m_dataset, r->item), m_dataset->itemIds.value(r->item));
                const QString category = m_dataset->itemCategory(r->item, Language::current());
                if (!category.isEmpty())
                    tip += QLatin1Char('\n') + RecommendationsPanel::tr("category %1").arg(category);
                if (r->cold)
                    tip += QStringLiteral("\n\n") + RecommendationsPanel::tr("Cold-start item: held out of training, so no one's ratings of it "
                                                              "were seen; only its content can explain its score.");
                return tip;
            }
            break;
        case Panel::ScoreColumn:
            if (role == Qt::DisplayRole)
                return QLocale().toString(r->score, 'f', 3);
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            break;
        case Panel::ContributionsColumn:
            if (role == Qt::ToolTipRole)
                return contributionTip(*r);
            if (role == Qt::AccessibleTextRole) {
                QStringList parts;
                for (const ScoreContribution &c : r->parts)
                    parts << RecommendationsPanel::tr("%1 %2").arg(contributionPartName(c.part), signedNumber(c.value));
                return parts.join(QStringLiteral(", "));
            }
            break;
        }
        return {};
    }

private:
    static QString contributionTip(const Recommendation &r)
    {
        QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
        double sum = 0;
        for (const ScoreContribution &c : r.parts) {
            sum += c.value;
            html += QStringLiteral("<tr><td>%1</td><td align=\"right\">&nbsp;&nbsp;%2</td></tr>")
                        .arg(contributionPartName(c.part).toHtmlEscaped(), signedNumber(c.value, 4));
        }
        html += QStringLiteral("<tr><td><b>%1</b></td><td align=\"right\"><b>&nbsp;&nbsp;%2</b></td></tr></table>")
                    .arg(RecommendationsPanel::tr("score").toHtmlEscaped(), QLocale().toString(r.score, 'f', 4));
        if (std::abs(sum - r.score) > 1e-3 * std::max(1.0, std::abs(r.score)))
            html += QStringLiteral("<p>%1</p>").arg(RecommendationsPanel::tr("The parts sum to %1.").arg(QLocale().toString(sum, 'f', 4)).toHtmlEscaped());
        return html;
    }

    const Thumbnails *m_thumbnails;
    std::shared_ptr<const Dataset> m_dataset;
    std::vector<Recommendation> m_rows;
};

class HistoryModel : public QAbstractListModel
{
public:
    HistoryModel(const Thumbnails *thumbnails, QObject *parent)
        : QAbstractListModel(parent)
        , m_thumbnails(thumbnails)
    {
    }

    void setEntries(std::shared_ptr<const Dataset> dataset, std::vector<HistoryEntry> entries, bool timestamps, bool implicit)
    {
        beginResetModel();
        m_dataset = std::move(dataset);
        m_entries = std::move(entries);
        m_timestamps = timestamps;
        m_implicit = implicit;
        endResetModel();
    }

    const std::vector<HistoryEntry> &entries() const { return m_entries; }
    bool implicit() const { return m_implicit; }

    void thumbnailArrived(const QString &path)
    {
        for (size_t r = 0; r < m_entries.size(); ++r) {
            if (m_thumbnails->path(m_entries[r].item) == path) {
                const QModelIndex cell = index(int(r));
                Q_EMIT dataChanged(cell, cell);
            }
        }
    }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_entries.size()); }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || size_t(index.row()) >= m_entries.size() || !m_dataset)
            return {};
        const HistoryEntry &e = m_entries[size_t(index.row())];
        switch (role) {
        case Qt::DisplayRole: return titleOf(*m_dataset, e.item);
        case Panel::ItemRole: return e.item;
        case Panel::ScoreRole: return e.rating;
        case Panel::TimestampRole: return m_timestamps ? QVariant(e.timestamp) : QVariant();
        case Qt::DecorationRole:
        case Panel::ThumbnailStateRole:
            return m_thumbnails->data(e.item, role);
        case Qt::ToolTipRole: {
            QStringList lines{titleOf(*m_dataset, e.item), RecommendationsPanel::tr("id %1").arg(m_dataset->itemIds.value(e.item))};
            if (!m_implicit)
                lines << RecommendationsPanel::tr("rated %1").arg(ratingText(e.rating));
            if (m_timestamps)
                lines << RecommendationsPanel::tr("at %1").arg(timeText(e.timestamp));
            return lines.join(QLatin1Char('\n'));
        }
        case Qt::AccessibleTextRole:
            return m_implicit ? titleOf(*m_dataset, e.item)
                              : RecommendationsPanel::tr("%1, rated %2").arg(titleOf(*m_dataset, e.item), ratingText(e.rating));
        }
        return {};
    }

private:
    const Thumbnails *m_thumbnails;
    std::shared_ptr<const Dataset> m_dataset;
    std::vector<HistoryEntry> m_entries;
    bool m_timestamps = false;
    bool m_implicit = false;
};

} // namespace fl::recommendations
