#pragma once

// What every fuzz target shares: the Qt application, a scratch folder and the split of one fuzz input
// into the files of a multi-file dataset.
//
// Multi-file inputs: the input is a sequence of files, each starting with a marker line
//     @@@ NAME
// (NAME: letters, digits, '.', '_', '-' and '/' for subfolders; anything else becomes '_', empty, '.'
// and '..' components are dropped). The bytes up to the next line that starts with "@@@ " are the
// file's content, without the line end before the marker. Bytes before the first marker form the file
// the target names as its default (manifest.json, ratings.csv, …). A later file of the same name
// replaces an earlier one.

#include "engine/core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace fl {
struct Dataset;
}

namespace fl::fuzz {

// The QCoreApplication every target needs (created once; Qt's messages are silenced).
void ensureApplication();

inline QByteArrayView inputView(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The same empty folder at every call (its contents from the previous input are removed), inside one
// temporary folder per process (in /dev/shm where there is one).
QString freshFolder();

// Writes bytes to folder/name (creating subfolders); false if it cannot.
bool writeFile(const QString &folder, const QString &name, QByteArrayView bytes);

// Splits input into files as described above and writes them into folder; returns how many.
int writeSections(const QString &folder, QByteArrayView input, const QString &defaultName);

// Whether the importer accepted the input; with FUSIONLAB_FUZZ_VERBOSE set, prints why not (for checking
// that seeds load: FUSIONLAB_FUZZ_VERBOSE=1 build-fuzz/fuzz/fuzz_NAME -runs=0 tests/fuzz/corpus/NAME).
bool accepted(bool ok, const QString &error);
template<typename T>
bool accepted(const Result<T> &result)
{
    return accepted(result.ok(), result.ok() ? QString() : result.error());
}

// Aborts (a finding) when a dataset an importer accepted is inconsistent: arrays of different lengths,
// indices out of range, a non-finite rating or one outside ±10⁶, a modality that does not have one row
// per item. Then summarises it, as `stats` and the Dataset page do.
void checkDataset(const Dataset &dataset);

} // namespace fl::fuzz
