#include "engine/data/ManifestLoader.h"
#include "ui/ImportDialog.h"

#include "tests/TestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace fl;

namespace {

using fl::test::writeFile;
using fl::test::errorOf;

const QString kImport = QStringLiteral(FUSIONLAB_FIXTURES_DIR "/import");
const QString kGoodbooks = QStringLiteral(FUSIONLAB_SHARED_DIR "/data/goodbooks-10k");
using Table = ImportDialog::Table;

bool copyInto(const QString &from, const QString &to)
{
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QFile::copy(from, to);
}

// Saves and waits for the loader's verdict.
bool saveAndWait(ImportDialog &dialog, const QString &path, QString *message)
{
    QSignalSpy finished(&dialog, &ImportDialog::saveFinished);
    if (!dialog.saveTo(path)) {
        *message = finished.isEmpty() ? QString() : finished.first().at(1).toString();
        return false;
    }
    if (!finished.wait(60000))
        return false;
    *message = finished.first().at(1).toString();
    return finished.first().at(0).toBool();
}

} // namespace

class TestImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void goodbooksSavedBesideTheData()
    {
        if (!QFile::exists(kGoodbooks + "/books.csv") || !QFile::exists(kGoodbooks + "/samples/ratings.csv"))
            QSKIP("goodbooks-10k is not available on this machine");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(copyInto(kGoodbooks + "/books.csv", dir.filePath("books.csv")));
        QVERIFY(copyInto(kGoodbooks + "/samples/ratings.csv", dir.filePath("samples/ratings.csv")));

        ImportDialog dialog;
        dialog.setItemsFile(dir.filePath("books.csv"));
        dialog.setInteractionsFile(dir.filePath("samples/ratings.csv"));
        QCOMPARE(dialog.detected(Table::Items).delimiter, ',');
        QCOMPARE(dialog.preview(Table::Items).columnCount(), 23);
        QCOMPARE(int(dialog.preview(Table::Items).rows.size()), kPreviewRows);
        QCOMPARE(dialog.previewTable(Table::Items)->rowCount(), 1 + kPreviewRows);
        QCOMPARE(dialog.previewTable(Table::Items)->item(1, 10)->text(), QStringLiteral("The Hunger Games (The Hunger Games, #1)"));
        auto *bookIdRole = qobject_cast<QComboBox *>(dialog.previewTable(Table::Items)->cellWidget(0, 0));
        QVERIFY(bookIdRole);
        QCOMPARE(bookIdRole->currentText(), QStringLiteral("Item id"));
        QCOMPARE(dialog.spec().interactionRoles, std::vector<InteractionRole>({InteractionRole::User, InteractionRole::Item,
                                                                               InteractionRole::Rating}));
        QCOMPARE(dialog.feedbackSummary(), QString::fromUtf8("Explicit feedback: the ratings are in column “rating”."));
        QVERIFY2(dialog.isValid(), qPrintable(dialog.validationMessage()));
        QCOMPARE(dialog.spec().name, QFileInfo(dir.path()).fileName());
        QCOMPARE(dialog.defaultManifestPath(), QDir(dir.path()).filePath("manifest.json"));
        QVERIFY(dialog.findChild<QPushButton *>("save")->isEnabled());

        QString message;
        QVERIFY2(saveAndWait(dialog, dialog.defaultManifestPath(), &message), qPrintable(message));
        QCOMPARE(dialog.manifestPath(), QDir(dir.path()).filePath("manifest.json"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY2(message.contains(QStringLiteral("%1 items, 5 users, 99 interactions").arg(QLocale().toString(10000))),
                 qPrintable(message));

        QFile file(dialog.manifestPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY2(json.contains("\"items\": {\"file\": \"books.csv\", \"id\": \"book_id\", \"title\": \"title\"}"), json);
        QVERIFY2(json.contains("\"interactions\": {\"file\": \"samples/ratings.csv\", \"user\": \"user_id\", \"item\": "
                               "\"book_id\", \"rating\": \"rating\"}"),
                 json);
        const Result<Dataset> loaded = loadManifest(dialog.manifestPath());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->itemCount(), 10000);
        QCOMPARE(loaded->interactionCount(), 99);
        QVERIFY(loaded->modality("text"));
        QCOMPARE(loaded->modality("numeric")->values.cols(), Eigen::Index(11));
    }

    void changingTheDelimiterReparses()
    {
        ImportDialog dialog;
        dialog.setInteractionsFile(kImport + "/semicolon.csv");
        QCOMPARE(dialog.spec().interactions.options.delimiter, ';');
        QCOMPARE(dialog.preview(Table::Interactions).header,
                 QStringList({"customer", "product", "stars", "date", "comment"}));
        QCOMPARE(dialog.spec().interactionRoles,
                 std::vector<InteractionRole>({InteractionRole::User, InteractionRole::Item, InteractionRole::Rating,
                                               InteractionRole::Timestamp, InteractionRole::Ignore}));

        // The user picks "Comma" in the combo box: one column, and the second line no longer fits it.
        auto *combo = dialog.findChild<QComboBox *>("interactionsDelimiter");
        QVERIFY(combo);
        combo->setCurrentIndex(0);
        Q_EMIT combo->activated(0);
        QCOMPARE(dialog.spec().interactions.options.delimiter, ',');
        QCOMPARE(dialog.preview(Table::Interactions).columnCount(), 1);
        QCOMPARE(dialog.previewTable(Table::Interactions)->columnCount(), 1);
        QCOMPARE(dialog.validationMessage(),
                 QStringLiteral("semicolon.csv:2: expected 1 fields (header: customer;product;stars;date;comment) but found 2"));
        QVERIFY(!dialog.findChild<QPushButton *>("save")->isEnabled());

        // Back to semicolons by the API: five columns, roles guessed again.
        dialog.setDelimiter(Table::Interactions, ';');
        QCOMPARE(combo->currentIndex(), 2);
        QCOMPARE(dialog.preview(Table::Interactions).columnCount(), 5);
        QCOMPARE(dialog.previewTable(Table::Interactions)->item(2, 4)->text(), QStringLiteral("fine, really"));
        QCOMPARE(dialog.spec().interactionRoles[0], InteractionRole::User);

        // A custom delimiter previews, but the manifest format cannot take it.
        dialog.setDelimiter(Table::Interactions, ':');
        QCOMPARE(combo->currentIndex(), 4);
        QCOMPARE(dialog.findChild<QLineEdit *>("interactionsCustomDelimiter")->text(), QStringLiteral(":"));
        QVERIFY(!dialog.findChild<QLineEdit *>("interactionsCustomDelimiter")->isHidden());

        // Header off: columns named by position, the header line becomes data (line 1).
        dialog.setDelimiter(Table::Interactions, ';');
        auto *header = dialog.findChild<QCheckBox *>("interactionsHeader");
        header->click();
        QCOMPARE(dialog.preview(Table::Interactions).header, QStringList({"1", "2", "3", "4", "5"}));
        QCOMPARE(dialog.preview(Table::Interactions).lines.front(), 1);
        QCOMPARE(dialog.previewTable(Table::Interactions)->verticalHeaderItem(1)->text(), QStringLiteral("1"));
    }

    void unreadableFileIsNamed()
    {
        ImportDialog dialog;
        dialog.setInteractionsFile(QStringLiteral("/nonexistent-folder/ratings.csv"));
        QCOMPARE(dialog.validationMessage(), QStringLiteral("/nonexistent-folder/ratings.csv: file not found"));
        QVERIFY(!dialog.findChild<QPushButton *>("save")->isEnabled());
    }

    void latin1IsSuggested()
    {
        ImportDialog dialog;
        dialog.setItemsFile(kImport + "/latin1.csv");
        QCOMPARE(dialog.spec().items.options.encoding, CsvEncoding::Latin1);
        QCOMPARE(dialog.findChild<QComboBox *>("itemsEncoding")->currentIndex(), 1);
        QVERIFY(dialog.findChild<QLabel *>("itemsInfo")->text().contains(
            QStringLiteral("not valid UTF-8, so Latin-1 is suggested")));
        QCOMPARE(dialog.previewTable(Table::Items)->item(1, 1)->text(), QString::fromUtf8("Café crème"));

        // Forcing UTF-8 is the user's right; the preview then says where the file stops being UTF-8.
        dialog.setEncoding(Table::Items, CsvEncoding::Utf8);
        QCOMPARE(dialog.preview(Table::Items).error,
                 QStringLiteral("latin1.csv:2: expected UTF-8 text; set \"encoding\": \"latin-1\" in the manifest if the "
                                "file is Latin-1"));
    }

    void rolesValidationAndSave()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char *name : {"items.csv", "ratings.csv", "images/a.png", "images/b.png", "images/c.png"})
            QVERIFY(copyInto(kImport + "/shop/" + name, dir.filePath(name)));

        ImportDialog dialog;
        dialog.setInteractionsFile(dir.filePath("ratings.csv"));
        QCOMPARE(dialog.validationMessage(),
                 QStringLiteral("Choose an items file: the manifest format needs an items table with an id column, so the "
                                "item ids cannot come from the interactions file alone."));
        dialog.setItemsFile(dir.filePath("items.csv"));
        QVERIFY2(dialog.isValid(), qPrintable(dialog.validationMessage()));
        QCOMPARE(dialog.imagePatternStatus(),
                 QStringLiteral("Images found: 3 of 4 previewed items; missing, for example: images/d.png"));

        // A numeric role on a column holding "n/a": Save is disabled, the message names file, line, column.
        auto *save = dialog.findChild<QPushButton *>("save");
        auto *priceRole = qobject_cast<QComboBox *>(dialog.previewTable(Table::Items)->cellWidget(0, 3));
        QVERIFY(priceRole);
        priceRole->setCurrentIndex(int(ItemRole::Numeric));
        Q_EMIT priceRole->activated(int(ItemRole::Numeric));
        QCOMPARE(dialog.spec().itemRoles[3], ItemRole::Numeric);
        QCOMPARE(dialog.validationMessage(),
                 QString::fromUtf8("items.csv, line 5, column “price”: “n/a” is not a number; set the column's role to "
                                   "“Text” or “Ignore”"));
        QVERIFY(!save->isEnabled());
        QVERIFY(!dialog.findChild<QPushButton *>("saveAs")->isEnabled());
        QString refused;
        QVERIFY(!saveAndWait(dialog, dir.filePath("manifest.json"), &refused));
        QCOMPARE(refused, dialog.validationMessage());
        QVERIFY(!QFile::exists(dir.filePath("manifest.json")));
        QCOMPARE(dialog.previewTable(Table::Items)->item(1 + 3, 3)->background().color(), QColor(255, 205, 205));
        QCOMPARE(dialog.findChild<QLabel *>("validationMessage")->text(), dialog.validationMessage());

        // No user column; then two item id columns.
        dialog.setItemRole(3, ItemRole::Ignore);
        dialog.setInteractionRole(0, InteractionRole::Ignore);
        QCOMPARE(dialog.validationMessage(),
                 QString::fromUtf8("No user column in ratings.csv: set one column's role to “User id”."));
        QVERIFY(!save->isEnabled());
        dialog.setInteractionRole(0, InteractionRole::Item);
        QCOMPARE(dialog.validationMessage(),
                 QString::fromUtf8("No user column in ratings.csv: set one column's role to “User id”."));
        QCOMPARE(dialog.problems()[1].message,
                 QString::fromUtf8("Two item id columns in ratings.csv (“userId” and “itemId”); keep one."));
        dialog.setInteractionRole(0, InteractionRole::User);
        QVERIFY2(dialog.isValid(), qPrintable(dialog.validationMessage()));
        QVERIFY(save->isEnabled());

        // Images by folder pattern instead of the path column, checked against the files.
        dialog.setImagePattern(QStringLiteral("images/{sku}.png"));
        QCOMPARE(dialog.imagePatternStatus(), QStringLiteral("Not a column of the items file: sku"));
        QVERIFY(!dialog.isValid());
        dialog.setItemRole(4, ItemRole::Ignore);
        dialog.setImagePattern(QStringLiteral("images/{item_id}.png"));
        QVERIFY2(dialog.isValid(), qPrintable(dialog.validationMessage()));
        QCOMPARE(dialog.imagePatternStatus(),
                 QStringLiteral("Images found: 3 of 4 previewed items; missing, for example: images/d.png"));
        dialog.setItemRole(1, ItemRole::Text);       // the title column as plain text
        dialog.setDatasetName(QStringLiteral("My shop"));

        QString message;
        QVERIFY2(saveAndWait(dialog, dir.filePath("manifest.json"), &message), qPrintable(message));
        QCOMPARE(dialog.manifestPath(), dir.filePath("manifest.json"));
        const Result<Dataset> loaded = loadManifest(dialog.manifestPath());
        QVERIFY2(loaded.ok(), qPrintable(errorOf(loaded)));
        QCOMPARE(loaded->name, QStringLiteral("My shop"));
        QCOMPARE(loaded->itemIds, QStringList({"a", "b", "c", "d"}));
        QCOMPARE(loaded->itemTitles, QStringList({"a", "b", "c", "d"}));     // no title column now
        QCOMPARE(loaded->modality("text")->texts[0], QStringLiteral("Red mug"));
        QCOMPARE(loaded->modality("image")->imagePaths[3], dir.filePath("images/d.png"));
        QCOMPARE(loaded->interactionCount(), 5);
    }

    void loaderErrorKeepsTheDialogOpen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(copyInto(kImport + "/shop/items.csv", dir.filePath("items.csv")));
        // Line 3 names an item that the items file does not have: the preview cannot know, the loader can.
        QVERIFY(writeFile(dir.filePath("ratings.csv"), "userId,itemId,rating\nu1,a,5\nu2,zz,3\n"));
        ImportDialog dialog;
        dialog.setItemsFile(dir.filePath("items.csv"));
        dialog.setInteractionsFile(dir.filePath("ratings.csv"));
        QVERIFY2(dialog.isValid(), qPrintable(dialog.validationMessage()));
        QString message;
        QVERIFY(!saveAndWait(dialog, dir.filePath("manifest.json"), &message));
        QCOMPARE(message, QStringLiteral("ratings.csv:3: item id \"zz\" in column \"itemId\" is not in items.csv; expected "
                                         "one of the items file's ids"));
        QVERIFY(dialog.findChild<QLabel *>("validationMessage")->text().endsWith(message));
        QVERIFY(dialog.manifestPath().isEmpty());
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QVERIFY(dialog.findChild<QPushButton *>("save")->isEnabled());   // fix the data and save again
    }

    void unwritableTargetIsReported()
    {
        ImportDialog dialog;
        dialog.setItemsFile(kImport + "/shop/items.csv");
        dialog.setInteractionsFile(kImport + "/shop/ratings.csv");
        QVERIFY(dialog.isValid());
        QString message;
        QVERIFY(!saveAndWait(dialog, QStringLiteral("/nonexistent-folder/manifest.json"), &message));
        QVERIFY2(message.startsWith(QStringLiteral("/nonexistent-folder/manifest.json: cannot write")), qPrintable(message));
        QVERIFY(dialog.manifestPath().isEmpty());

        // A writable folder that would hold a manifest naming files outside it: nothing is written.
        QTemporaryDir elsewhere;
        QVERIFY(elsewhere.isValid());
        QVERIFY(!saveAndWait(dialog, elsewhere.filePath("manifest.json"), &message));
        QVERIFY2(message.contains(QStringLiteral("lies outside")), qPrintable(message));
        QVERIFY(!QFile::exists(elsewhere.filePath("manifest.json")));
        QVERIFY(dialog.manifestPath().isEmpty());
    }

    void vectorsFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray header = "{'descr': '<f8', 'fortran_order': False, 'shape': (4, 3), }";
        while ((10 + header.size() + 1) % 64 != 0)
            header += ' ';
        header += '\n';
        QByteArray npy("\x93NUMPY\x01\x00", 8);
        npy += char(header.size());
        npy += char(0);
        npy += header + QByteArray(4 * 3 * 8, '\0');
        QVERIFY(writeFile(dir.filePath("clip.npy"), npy));

        ImportDialog dialog;
        dialog.setItemsFile(kImport + "/shop/items.csv");
        dialog.setInteractionsFile(kImport + "/shop/ratings.csv");
        dialog.addVectorsFile(dir.filePath("clip.npy"));
        QCOMPARE(int(dialog.spec().vectors.size()), 1);
        QCOMPARE(dialog.spec().vectors[0].name, QStringLiteral("clip"));
        auto *table = dialog.findChild<QTableWidget *>("vectors");
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 2)->text(), QString::fromUtf8("4 × 3  <f8"));
        QVERIFY(dialog.isValid());
        QVERIFY(ManifestBuilder::manifestJson(dialog.spec(), dir.path())
                    .contains("{\"name\": \"clip\", \"kind\": \"vectors\", \"file\": \"clip.npy\"}"));

        dialog.setVectorsName(0, QStringLiteral("text"));
        QCOMPARE(dialog.validationMessage(),
                 QString::fromUtf8("Two modalities are named “text”; rename the vectors file's modality."));
        dialog.removeVectorsFile(0);
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(dialog.isValid());
    }

    // FUSIONLAB_SCREENSHOT_DIR=/tmp writes the dialog, filled with goodbooks, at its default size.
    void screenshot()
    {
        if (!QFile::exists(kGoodbooks + "/books.csv"))
            QSKIP("goodbooks-10k is not available on this machine");
        ImportDialog dialog;
        dialog.setItemsFile(kGoodbooks + "/books.csv");
        dialog.setInteractionsFile(kGoodbooks + "/samples/ratings.csv");
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.minimumSizeHint().width() <= dialog.width());
        QVERIFY(dialog.minimumSizeHint().height() <= dialog.height());
        const QString folder = qEnvironmentVariable("FUSIONLAB_SCREENSHOT_DIR");
        auto *pages = dialog.findChild<QTabWidget *>("pages");
        QVERIFY(pages);
        const char *names[] = {"import-dialog-interactions.png", "import-dialog-items.png", "import-dialog-modalities.png"};
        for (int page = 0; page < pages->count(); ++page) {
            pages->setCurrentIndex(page);
            if (!folder.isEmpty())
                QVERIFY(dialog.grab().save(QDir(folder).filePath(QLatin1String(names[page]))));
        }

        // An invalid assignment: the message under the pages, the cell tinted, a warning on the page's tab.
        ImportDialog invalid;
        invalid.setItemsFile(kImport + "/shop/items.csv");
        invalid.setInteractionsFile(kImport + "/shop/ratings.csv");
        invalid.setItemRole(3, ItemRole::Numeric);
        invalid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&invalid));
        invalid.findChild<QTabWidget *>("pages")->setCurrentIndex(1);
        QVERIFY(!invalid.findChild<QTabWidget *>("pages")->tabIcon(1).isNull());
        QVERIFY(invalid.findChild<QTabWidget *>("pages")->tabIcon(0).isNull());
        if (!folder.isEmpty())
            QVERIFY(invalid.grab().save(QDir(folder).filePath("import-dialog-problem.png")));
    }
};

QTEST_MAIN(TestImportDialog)
#include "test_importdialog.moc"
