#include "ThumbnailCache.h"

#include "engine/data/ImageFiles.h"

#include <QCache>
#include <QFutureWatcher>
#include <QImageReader>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent>

#include <deque>

namespace fl {

namespace {

constexpr int kDecodeThreads = 2;
constexpr size_t kMaxQueued = 256;   // requests waiting beyond these are the least likely still on screen
constexpr qsizetype kFailedCost = 256;

QString keyOf(const QString &path, QSize size)
{
    return QStringLiteral("%1x%2|%3").arg(size.width()).arg(size.height()).arg(path);
}

struct Entry
{
    QImage image;  // null: the file could not be read
};

struct Request
{
    QString key;
    QString path;
    QSize size;
};

} // namespace

struct ThumbnailCache::Private
{
    explicit Private(ThumbnailCache *owner) : q(owner) {}
    void pump();
    void finished(const Request &request, quint64 requestGeneration, const QImage &decoded);

    ThumbnailCache *q;
    QCache<QString, Entry> cache;
    std::deque<Request> queue;  // newest last
    QSet<QString> pending;      // queued or running
    QThreadPool pool;
    int running = 0;
    quint64 generation = 0;
};

// Starts the newest waiting requests while there are free decode threads.
void ThumbnailCache::Private::pump()
{
    while (running < kDecodeThreads && !queue.empty()) {
        const Request request = queue.back();
        queue.pop_back();
        ++running;
        const quint64 requestGeneration = generation;
        auto *watcher = new QFutureWatcher<QImage>(q);
        QObject::connect(watcher, &QFutureWatcher<QImage>::finished, q, [this, watcher, request, requestGeneration] {
            watcher->deleteLater();
            finished(request, requestGeneration, watcher->result());
        });
        watcher->setFuture(QtConcurrent::run(&pool, &ThumbnailCache::decode, request.path, request.size));
    }
}

void ThumbnailCache::Private::finished(const Request &request, quint64 requestGeneration, const QImage &decoded)
{
    --running;
    if (requestGeneration == generation) {
        pending.remove(request.key);
        const qsizetype cost = decoded.isNull() ? kFailedCost : std::max<qsizetype>(decoded.sizeInBytes(), 1);
        cache.insert(request.key, new Entry{decoded}, cost);
    }
    pump();
    if (requestGeneration == generation)
        Q_EMIT q->thumbnailReady(request.path, request.size);
}

ThumbnailCache::ThumbnailCache(qint64 maxBytes, QObject *parent)
    : QObject(parent)
    , m_d(std::make_unique<Private>(this))
{
    m_d->cache.setMaxCost(qsizetype(std::max<qint64>(maxBytes, 1)));
    m_d->pool.setMaxThreadCount(kDecodeThreads);
}

ThumbnailCache::~ThumbnailCache()
{
    // Running decodes only touch their own copies; wait for them so none outlives the pool.
    m_d->queue.clear();
    m_d->pool.waitForDone();
}

ThumbnailCache::State ThumbnailCache::lookup(const QString &path, QSize size, QImage *image)
{
    if (path.isEmpty() || size.isEmpty())
        return State::Failed;
    const QString key = keyOf(path, size);
    if (const Entry *entry = m_d->cache.object(key)) {
        if (entry->image.isNull())
            return State::Failed;
        if (image)
            *image = entry->image;
        return State::Ready;
    }
    if (m_d->pending.contains(key))
        return State::Loading;

    m_d->pending.insert(key);
    m_d->queue.push_back(Request{key, path, size});
    if (m_d->queue.size() > kMaxQueued) {
        m_d->pending.remove(m_d->queue.front().key);
        m_d->queue.pop_front();
    }

    m_d->pump();
    return State::Loading;
}

void ThumbnailCache::clear()
{
    m_d->cache.clear();
    m_d->queue.clear();
    m_d->pending.clear();
    ++m_d->generation;
}

int ThumbnailCache::cachedCount() const
{
    return int(m_d->cache.count());
}

int ThumbnailCache::pendingCount() const
{
    return int(m_d->pending.size());
}

qint64 ThumbnailCache::maxBytes() const
{
    return m_d->cache.maxCost();
}

QImage ThumbnailCache::decode(const QString &path, QSize size)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize original = statedImageSize(reader);
    if (exceedsImagePixelLimit(original))
        return {};   // the embedder does not decode it either
    if (original.isValid() && (original.width() > size.width() || original.height() > size.height()))
        reader.setScaledSize(original.scaled(size, Qt::KeepAspectRatio).expandedTo(QSize(1, 1)));
    QImage image = reader.read();
    if (image.isNull())
        return {};
    if (image.width() > size.width() || image.height() > size.height())
        image = image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

} // namespace fl
