#pragma once

// Why was this recommended? The panel picks a user and shows:
//
//   - the user's training history: a strip of thumbnails, titles and ratings, newest first when the
//     dataset has timestamps, capped with "and N more";
//   - the model's top K among the items the user did not have in training: rank, thumbnail, title (a
//     badge marks cold-start items), score and a stacked bar of the score's parts from
//     Recommender::explain() — negative parts left of a zero line, positive ones right, one colour per
//     part name with a legend above the table and the exact numbers in the tooltip. All rows share
//     one scale, so bars compare across rows.
//
// Users are chosen with an editable combo box (a completer matching any part of the id), previous /
// next buttons and "Random user"; the choice survives setModel() when its id still exists.
//
// The work for one user (the engine's recommendForUser and UserHistories, UserRecommendations.h) runs
// on the UI thread for small catalogues and with QtConcurrent above asyncItemThreshold() items. At
// most one computation runs at a time; requests made meanwhile collapse into the newest, which runs
// next, and a result is applied only if it answers the newest request.

#include "engine/data/Dataset.h"
#include "engine/evaluation/UserRecommendations.h"
#include "engine/models/Recommender.h"

#include <QWidget>

#include <memory>
#include <vector>

class QAbstractItemModel;
class QComboBox;
class QListView;
class QTableView;

namespace fl {

class RecommendationsPanel : public QWidget
{
    Q_OBJECT

public:
    enum Column { RankColumn, ThumbnailColumn, TitleColumn, ScoreColumn, ContributionsColumn, ColumnCount };

    // Extra data roles of both models (the top-K table and the history strip).
    enum Role {
        ItemRole = Qt::UserRole + 1,  // int: the item's dataset index
        ScoreRole,                    // double: the model's score (table); the rating (history)
        ColdRole,                     // bool: a cold-start item (table)
        ThumbnailStateRole,           // int: a ThumbnailState
        TimestampRole,                // qint64 (history; invalid without timestamps)
    };
    enum class ThumbnailState { NoImage, Loading, Ready, Failed };

    using Recommendation = fl::Recommendation;   // the engine's (UserRecommendations.h)

    explicit RecommendationsPanel(QWidget *parent = nullptr);
    ~RecommendationsPanel() override;

    // Shows recommendations of recommender for the users of dataset. trainInteractions are indices into
    // the dataset's interaction arrays (each user's history; those items are not recommended);
    // coldItem (per item, may be empty) marks items held out of training. The model must have the
    // dataset's user and item counts, otherwise the panel says so.
    void setModel(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Recommender> recommender,
                  std::vector<int> trainInteractions, std::vector<bool> coldItem = {});
    // No model: the panel shows why (by default, it asks to train a model first).
    void clear(const QString &why = QString());

    void setK(int k);  // 1..1000, default 10
    int k() const;

    // The user shown (dense index, -1 without a model) and their id.
    int currentUser() const;
    QString currentUserId() const;
    void setCurrentUser(int user);
    void setCurrentUserId(const QString &id);  // ignored if the id is unknown
    void previousUser();
    void nextUser();
    void randomUser();

    // Above this many items the work per user runs in the background (default 20,000).
    void setAsyncItemThreshold(int items);
    int asyncItemThreshold() const;
    bool isBusy() const;  // a background computation is running

    // What is shown, for tests and for the window's own wiring.
    const std::vector<Recommendation> &recommendations() const;
    std::vector<int> historyItems() const;  // as listed, newest first when timestamps exist
    int historyTotal() const;               // all of the user's training interactions
    QString historyMoreText() const;        // "and N more", empty when all are listed
    QString messageText() const;            // the message shown instead of the content; empty if none
    QString legendText() const;             // the legend as plain text
    QStringList legendParts() const;        // part names in the legend, in order

    QAbstractItemModel *recommendationsModel() const;
    QAbstractItemModel *historyModel() const;
    QTableView *recommendationsView() const;
    QListView *historyView() const;
    QComboBox *userBox() const;

Q_SIGNALS:
    void currentUserChanged(int user);
    // The recommendations of the current user (and K) are shown.
    void recommendationsReady();

private:
    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace fl
