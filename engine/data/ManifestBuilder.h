#pragma once

// The pure half of the Import dialog: sniffing a CSV file's delimiter, encoding, quoting and header
// from a bounded prefix, previewing its first rows, guessing a role per column from the column names
// and the previewed cells, checking a role assignment, and writing the FusionLab manifest
// (README.md, "Dataset manifest") that the assignment describes. No widgets: the dialog edits an
// ImportSpec and shows what these functions return.

#include "engine/core/Result.h"
#include "engine/data/CsvReader.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace fl {

inline constexpr qsizetype kPreviewBytes = qsizetype(64) * 1024;
inline constexpr int kPreviewRows = 50;

// The first bytes of a file; never the whole of a big one.
struct FilePrefix
{
    QByteArray data;
    bool wholeFile = false;       // data is the entire file
    qint64 fileSize = 0;
};

Result<FilePrefix> readFilePrefix(const QString &path, qsizetype maxBytes = kPreviewBytes);

// What the first lines of a file suggest.
struct CsvSniff
{
    char delimiter = ',';
    CsvEncoding encoding = CsvEncoding::Utf8;
    bool hasHeader = true;
    bool quoting = true;
    bool validUtf8 = true;        // false: the prefix is not UTF-8, so Latin-1 is suggested
};

CsvSniff sniffCsv(const FilePrefix &prefix, const QString &fileName);

// The first rows of a file parsed with the given options. The prefix is cut after its last complete
// record, so a record that the byte limit splits is left out rather than reported as broken.
struct CsvPreview
{
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<int> lines;       // per row: its 1-based line in the file
    bool wholeFile = false;       // the rows are every record of the file
    QString error;                // a problem within the prefix ("books.csv:7: …"); rows hold what came before

    int columnCount() const { return int(header.size()); }
};

CsvPreview previewCsv(const FilePrefix &prefix, const CsvOptions &options, int maxRows = kPreviewRows);

enum class InteractionRole { Ignore, User, Item, Rating, Timestamp };
enum class ItemRole { Ignore, Id, Title, Category, Text, Numeric, ImagePath };

struct ImportTable
{
    QString path;                 // absolute; empty: not chosen
    CsvOptions options;           // delimiter, encoding, hasHeader, quoting (label is ignored)
    QStringList header;           // as previewed ("1", "2", … without a header row)
};

// A .npy file added as a modality of kind "vectors".
struct VectorsFile
{
    QString name;
    QString path;                 // absolute
};

// Everything the Import dialog decides.
struct ImportSpec
{
    QString name;                                 // dataset name; empty: not written
    ImportTable interactions;
    std::vector<InteractionRole> interactionRoles; // one per interactions column
    ImportTable items;
    std::vector<ItemRole> itemRoles;               // one per items column
    bool titleInText = true;                       // the title column also feeds the text modality
    QString imagePattern;                          // e.g. images/{item_id}.jpg, relative to the items file's folder
    std::vector<VectorsFile> vectors;
};

enum class ImportTableKind { None, Interactions, Items, Vectors };

// One thing that keeps the assignment from becoming a loadable manifest, with where it is (for
// highlighting): the table, the column and the preview row when they apply.
struct ImportProblem
{
    QString message;
    ImportTableKind table = ImportTableKind::None;
    int column = -1;
    int row = -1;
};

// An image path pattern checked against the items preview.
struct ImagePatternCheck
{
    QStringList placeholders;
    QStringList unknownColumns;   // placeholders that name no items column
    QString syntaxError;          // an unclosed "{", or no placeholder at all
    int checked = 0;              // preview rows whose path could be built
    int found = 0;                // … whose file exists
    QString firstMissing;         // the first path that does not exist
};

// The header of a .npy file (format 1.0–3.0).
struct NpyInfo
{
    QString dtype;                // e.g. "<f4"
    std::vector<qint64> shape;
    bool fortranOrder = false;
};

class ManifestBuilder
{
    Q_DECLARE_TR_FUNCTIONS(fl::ManifestBuilder)

public:
    // Role guesses from column names, and from the previewed cells where names say nothing
    // (numeric-looking columns become numeric attributes; files without a header row get the
    // MovieLens order user, item, rating, timestamp). A single-valued role goes to the first column
    // that fits. itemIdHint: the other table's item id column name, if known.
    static std::vector<InteractionRole> guessInteractionRoles(const CsvPreview &preview,
                                                              const QString &itemIdHint = {});
    static std::vector<ItemRole> guessItemRoles(const CsvPreview &preview, const QString &itemIdHint = {});

    // Every problem, most basic first; empty when the spec can be saved. Previews (optional) let the
    // check see cells: numbers in numeric and rating columns, empty and duplicate ids.
    static std::vector<ImportProblem> validate(const ImportSpec &spec, const CsvPreview *interactions,
                                               const CsvPreview *items);

    static ImagePatternCheck checkImagePattern(const QString &pattern, const QString &baseFolder,
                                               const CsvPreview &items);

    // The deepest folder holding every data file: where manifest.json goes by default.
    static QString defaultManifestFolder(const ImportSpec &spec);

    // The manifest text, with every path relative to manifestFolder. Keys that hold their default
    // value (delimiter, encoding, header, quote) are left out.
    static QByteArray manifestJson(const ImportSpec &spec, const QString &manifestFolder);

    // Writes manifestJson() atomically to manifestPath.
    static Result<void> writeManifest(const ImportSpec &spec, const QString &manifestPath);

    static Result<NpyInfo> readNpyHeader(const QString &path);

    // "," → "comma", '\t' → "tab", …, for messages.
    static QString delimiterName(char delimiter);
    static bool manifestSupportsDelimiter(char delimiter);
};

} // namespace fl
