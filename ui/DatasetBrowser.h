#pragma once

// The dataset browser: a look at a loaded dataset before any model is trained.
//
//   - a summary line: items, users, interactions, density, rating range, time span;
//   - "Items": a virtual, sortable table (thumbnail, id, title, category, a line of text, number of
//     ratings, mean rating) with a search box matching ids and titles;
//   - "Users": user id, number of ratings, mean rating, sortable;
//   - "Charts": the rating histogram, the long tail of item popularity (log scale, with the share of
//     interactions the top 20% of items receive) and the coverage of each modality.
//
// Everything that reads the interactions (counts and means per item and user, histogram, long tail)
// comes from fl::summarize(), run with QtConcurrent; until it is done the tables show "…" in their
// count columns and the charts say "Summarizing…". A newer setDataset() supersedes a pending summary.
// Thumbnails are decoded off the UI thread (ThumbnailCache) for the rows being painted only.

#include "engine/data/Dataset.h"

#include <QWidget>

#include <memory>

class QAbstractItemModel;
class QLineEdit;
class QTabWidget;
class QTableView;

namespace fl {

struct DatasetSummary;

class DatasetBrowser : public QWidget
{
    Q_OBJECT

public:
    enum ItemColumn {
        ItemThumbnailColumn,
        ItemIdColumn,
        ItemTitleColumn,
        ItemCategoryColumn,
        ItemTextColumn,
        ItemRatingsColumn,
        ItemMeanColumn,
        ItemColumnCount
    };
    enum UserColumn { UserIdColumn, UserRatingsColumn, UserMeanColumn, UserColumnCount };

    // Extra data roles of both tables.
    enum Role {
        // The value a column sorts by: int counts, double means (NaN for none), strings otherwise.
        SortRole = Qt::UserRole + 1,
        // The thumbnail column's ThumbnailState, as an int.
        ThumbnailStateRole,
    };
    enum class ThumbnailState { NoImage, Loading, Ready, Failed };

    explicit DatasetBrowser(QWidget *parent = nullptr);
    ~DatasetBrowser() override;

    // Shows dataset (null clears the browser) and starts summarizing it in the background.
    void setDataset(std::shared_ptr<const Dataset> dataset);
    std::shared_ptr<const Dataset> dataset() const;

    bool isSummarizing() const;
    // The summary of the current dataset; null while summarizing and without a dataset.
    std::shared_ptr<const DatasetSummary> summary() const;
    // The summary line as shown.
    QString summaryText() const;

    // The tables and their (sorted, filtered) models, for tests and for the window's own wiring.
    QTabWidget *tabs() const;
    QTableView *itemsView() const;
    QTableView *usersView() const;
    QAbstractItemModel *itemsModel() const;
    QAbstractItemModel *usersModel() const;
    QLineEdit *searchField() const;

Q_SIGNALS:
    // The summary of the current dataset has been applied to the tables and charts.
    void summaryReady();

protected:
    // A new language (View ▸ Language): the summary line, the match count and the charts say it again.
    void changeEvent(QEvent *event) override;

private:
    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace fl
