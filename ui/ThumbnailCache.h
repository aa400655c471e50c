#pragma once

// Thumbnails for item images, decoded off the UI thread and kept in a bounded cache.
//
// lookup() answers at once from the cache; a miss schedules a decode (once per path and size) and
// reports Loading, and thumbnailReady() follows when the decode has finished — successfully or not.
// Decodes run on the cache's own pool of at most two threads, newest request first: while a table
// scrolls quickly the rows now on screen are decoded before those scrolled past, and requests beyond
// the queue limit are forgotten (a later lookup asks again). Files that are missing or cannot be
// decoded are remembered as Failed, never reported in a dialog. Paths may be ":/" resources.

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <memory>

namespace fl {

class ThumbnailCache : public QObject
{
    Q_OBJECT

public:
    enum class State { Loading, Ready, Failed };

    // maxBytes bounds the decoded thumbnails kept (failures cost a little too).
    explicit ThumbnailCache(qint64 maxBytes = 48 << 20, QObject *parent = nullptr);
    ~ThumbnailCache() override;

    // The thumbnail of path scaled to fit size (keeping its aspect ratio, never enlarged). On Ready,
    // *image (if given) receives it; on Loading a decode is scheduled unless one is already pending.
    // An empty path is Failed at once.
    State lookup(const QString &path, QSize size, QImage *image = nullptr);

    // Forgets every thumbnail and every pending request; decodes already running finish unseen.
    void clear();

    int cachedCount() const;
    int pendingCount() const;  // scheduled or running
    qint64 maxBytes() const;

    // Decodes path to fit size: the work of one request, exposed for tests. Null on failure.
    static QImage decode(const QString &path, QSize size);

Q_SIGNALS:
    // A decode for path at size has finished; lookup() now answers Ready or Failed.
    void thumbnailReady(const QString &path, QSize size);

private:
    struct Private;
    std::unique_ptr<Private> m_d;
};

} // namespace fl
