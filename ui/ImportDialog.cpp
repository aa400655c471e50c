// Why one file (about 1000 lines):
// One dialog editing one ImportSpec: two table editors (interactions, items), the image pattern and .npy
// rows, and the live check, all writing the same spec and reading the same engine results
// (ManifestBuilder). The parsing and checking are the engine's; what is here is widgets.

#include "ImportDialog.h"

#include "engine/data/ManifestLoader.h"

#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QScreen>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace fl {

namespace {

constexpr int kRoleRow = 0;
constexpr int kMaxColumnWidth = 260;

QColor problemColour() { return QColor(255, 205, 205); }

QString itemIdColumn(const ImportSpec &spec)
{
    for (size_t c = 0; c < spec.itemRoles.size(); ++c) {
        if (spec.itemRoles[c] == ItemRole::Id)
            return spec.items.header.value(int(c));
    }
    return QString();
}

QString interactionItemColumn(const ImportSpec &spec)
{
    for (size_t c = 0; c < spec.interactionRoles.size(); ++c) {
        if (spec.interactionRoles[c] == InteractionRole::Item)
            return spec.interactions.header.value(int(c));
    }
    return QString();
}

} // namespace

struct ImportDialog::Panel
{
    Table table = Table::Interactions;
    QWidget *group = nullptr;           // the page
    QLineEdit *path = nullptr;
    QPushButton *browse = nullptr;
    QPushButton *clear = nullptr;
    QComboBox *delimiter = nullptr;
    QLineEdit *customDelimiter = nullptr;
    QComboBox *encoding = nullptr;
    QCheckBox *header = nullptr;
    QCheckBox *quoting = nullptr;
    QLabel *info = nullptr;
    QLabel *note = nullptr;           // interactions: feedback kind; items: why the file is needed
    QTableWidget *view = nullptr;
    FilePrefix prefix;
    CsvSniff sniff;
    CsvPreview preview;
    QString sniffText;
};

ImportDialog::ImportDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import Dataset"));
    setSizeGripEnabled(true);
    m_panels[0] = std::make_unique<Panel>();
    m_panels[0]->table = Table::Interactions;
    m_panels[1] = std::make_unique<Panel>();
    m_panels[1]->table = Table::Items;

    auto *layout = new QVBoxLayout(this);

    auto *nameRow = new QHBoxLayout;
    auto *nameLabel = new QLabel(tr("Dataset &name:"), this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("datasetName"));
    m_name->setPlaceholderText(tr("shown in the window's title"));
    nameLabel->setBuddy(m_name);
    nameRow->addWidget(nameLabel);
    nameRow->addWidget(m_name, 1);
    layout->addLayout(nameRow);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_nameEdited = true;
        m_spec.name = text.trimmed();
    });

    // One page per step, so that each preview gets the dialog's full height.
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->addTab(buildTableGroup(Table::Interactions), tr("&1 Interactions"));
    m_tabs->addTab(buildTableGroup(Table::Items), tr("&2 Items"));
    m_tabs->addTab(buildModalities(), tr("&3 Images and vectors"));
    layout->addWidget(m_tabs, 1);

    auto *problemRow = new QHBoxLayout;
    m_problemIcon = new QLabel(this);
    m_problemIcon->setAlignment(Qt::AlignTop);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("validationMessage"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    problemRow->addWidget(m_problemIcon, 0, Qt::AlignTop);
    problemRow->addWidget(m_problem, 1);
    layout->addLayout(problemRow);

    auto *bottom = new QHBoxLayout;
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setFormat(tr("Checking the manifest…"));
    m_busy->setTextVisible(true);
    m_busy->setVisible(false);
    bottom->addWidget(m_busy, 1);
    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setDefault(true);
    m_saveAs = buttons->addButton(tr("Save &As…"), QDialogButtonBox::ActionRole);
    m_saveAs->setObjectName(QStringLiteral("saveAs"));
    buttons->addButton(QDialogButtonBox::Cancel);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    connect(m_save, &QPushButton::clicked, this, &ImportDialog::save);
    connect(m_saveAs, &QPushButton::clicked, this, &ImportDialog::saveAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<CheckResult>::finished, this, &ImportDialog::checkFinished);

    // Within the screen, so that the buttons are never past its edge (a 1024×768 projector).
    QSize size(1040, 720);
    if (QScreen *screen = parent ? parent->screen() : this->screen())
        size = size.boundedTo(screen->availableGeometry().size() - QSize(24, 48));
    resize(size);
    revalidate();
}

ImportDialog::~ImportDialog()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

ImportDialog::Panel &ImportDialog::panel(Table table) const
{
    return *m_panels[table == Table::Interactions ? 0 : 1];
}

ImportTable &ImportDialog::specTable(Table table)
{
    return table == Table::Interactions ? m_spec.interactions : m_spec.items;
}

const CsvPreview &ImportDialog::preview(Table table) const
{
    return panel(table).preview;
}

const CsvSniff &ImportDialog::detected(Table table) const
{
    return panel(table).sniff;
}

QTableWidget *ImportDialog::previewTable(Table table) const
{
    return panel(table).view;
}

QWidget *ImportDialog::buildTableGroup(Table table)
{
    Panel &p = panel(table);
    const bool items = table == Table::Items;
    const QString prefix = items ? QStringLiteral("items") : QStringLiteral("interactions");
    p.group = new QWidget;
    auto *layout = new QVBoxLayout(p.group);
    auto *intro = new QLabel(items ? tr("The items file has one row per item: its id, and the title, text, numbers "
                                        "and image paths that become the item's modalities.")
                                   : tr("The interactions file has one row per user and item: a rating, or a click "
                                        "or purchase (implicit feedback)."),
                             p.group);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *fileRow = new QHBoxLayout;
    p.path = new QLineEdit(p.group);
    p.path->setObjectName(prefix + QStringLiteral("Path"));
    p.path->setPlaceholderText(items ? tr("Choose the items file (CSV or TSV)…")
                                     : tr("Choose the interactions file (CSV or TSV)…"));
    p.browse = new QPushButton(tr("&Browse…"), p.group);
    if (items)
        p.browse->setText(tr("B&rowse…"));
    fileRow->addWidget(p.path, 1);
    fileRow->addWidget(p.browse);
    if (items) {
        p.clear = new QPushButton(tr("Clear"), p.group);
        fileRow->addWidget(p.clear);
        connect(p.clear, &QPushButton::clicked, this, [this] { setItemsFile(QString()); });
    }
    layout->addLayout(fileRow);
    connect(p.browse, &QPushButton::clicked, this, [this, table] { browse(table); });
    connect(p.path, &QLineEdit::editingFinished, this, [this, table] {
        const QString typed = panel(table).path->text().trimmed();
        if (QFileInfo(typed).absoluteFilePath() != specTable(table).path)
            setFile(table, typed);
    });

    // The parse options wrap onto two lines when translations or the window make them long.
    auto *options = new QHBoxLayout;
    p.delimiter = new QComboBox(p.group);
    p.delimiter->setObjectName(prefix + QStringLiteral("Delimiter"));
    p.delimiter->addItem(tr("Comma  ,"), QVariant(int(',')));
    p.delimiter->addItem(tr("Tab"), QVariant(int('\t')));
    p.delimiter->addItem(tr("Semicolon  ;"), QVariant(int(';')));
    p.delimiter->addItem(tr("Pipe  |"), QVariant(int('|')));
    p.delimiter->addItem(tr("Other:"), QVariant(0));
    p.customDelimiter = new QLineEdit(p.group);
    p.customDelimiter->setObjectName(prefix + QStringLiteral("CustomDelimiter"));
    p.customDelimiter->setMaxLength(1);
    p.customDelimiter->setFixedWidth(p.customDelimiter->fontMetrics().horizontalAdvance(QStringLiteral("MM")) + 12);
    p.customDelimiter->setVisible(false);
    p.encoding = new QComboBox(p.group);
    p.encoding->setObjectName(prefix + QStringLiteral("Encoding"));
    p.encoding->addItem(tr("UTF-8"), QVariant(int(CsvEncoding::Utf8)));
    p.encoding->addItem(tr("Latin-1 (ISO 8859-1)"), QVariant(int(CsvEncoding::Latin1)));
    p.header = new QCheckBox(tr("First row is a header"), p.group);
    p.header->setObjectName(prefix + QStringLiteral("Header"));
    p.quoting = new QCheckBox(tr("Quoted fields (RFC 4180)"), p.group);
    p.quoting->setObjectName(prefix + QStringLiteral("Quoting"));
    p.quoting->setToolTip(tr("On: \"…\" encloses a field that may hold the delimiter, line breaks and doubled "
                             "quotes. Off: quotes are ordinary characters."));
    auto *delimiterLabel = new QLabel(tr("Delimiter:"), p.group);
    delimiterLabel->setBuddy(p.delimiter);
    auto *encodingLabel = new QLabel(tr("Encoding:"), p.group);
    encodingLabel->setBuddy(p.encoding);
    options->addWidget(delimiterLabel);
    options->addWidget(p.delimiter);
    options->addWidget(p.customDelimiter);
    options->addSpacing(12);
    options->addWidget(encodingLabel);
    options->addWidget(p.encoding);
    options->addSpacing(12);
    options->addWidget(p.header);
    options->addWidget(p.quoting);
    options->addStretch(1);
    layout->addLayout(options);

    p.info = new QLabel(p.group);
    p.info->setObjectName(prefix + QStringLiteral("Info"));
    p.info->setWordWrap(true);
    layout->addWidget(p.info);

    p.view = new QTableWidget(p.group);
    p.view->setObjectName(prefix + QStringLiteral("Preview"));
    p.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    p.view->setSelectionMode(QAbstractItemView::NoSelection);
    p.view->setWordWrap(false);
    p.view->setTextElideMode(Qt::ElideRight);
    p.view->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    p.view->setMinimumHeight(p.view->fontMetrics().height() * 6);
    layout->addWidget(p.view, 1);

    p.note = new QLabel(p.group);
    p.note->setObjectName(prefix + QStringLiteral("Note"));
    p.note->setWordWrap(true);
    layout->addWidget(p.note);

    connect(p.delimiter, &QComboBox::activated, this, [this, table] { optionsChanged(table); });
    connect(p.customDelimiter, &QLineEdit::textEdited, this, [this, table] { optionsChanged(table); });
    connect(p.encoding, &QComboBox::activated, this, [this, table] { optionsChanged(table); });
    connect(p.header, &QCheckBox::clicked, this, [this, table] { optionsChanged(table); });
    connect(p.quoting, &QCheckBox::clicked, this, [this, table] { optionsChanged(table); });

    syncControls(table);
    return p.group;
}

QWidget *ImportDialog::buildModalities()
{
    auto *group = new QWidget;
    auto *layout = new QVBoxLayout(group);

    m_titleInText = new QCheckBox(tr("The title column also feeds the text modality"), group);
    m_titleInText->setObjectName(QStringLiteral("titleInText"));
    m_titleInText->setChecked(m_spec.titleInText);
    connect(m_titleInText, &QCheckBox::toggled, this, &ImportDialog::setTitleInText);
    layout->addWidget(m_titleInText);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto *patternBox = new QVBoxLayout;
    m_pattern = new QLineEdit(group);
    m_pattern->setObjectName(QStringLiteral("imagePattern"));
    m_pattern->setPlaceholderText(tr("e.g. images/{item_id}.jpg: {column} placeholders name items columns; "
                                     "relative to the items file's folder"));
    m_pattern->setClearButtonEnabled(true);
    m_patternStatus = new QLabel(group);
    m_patternStatus->setObjectName(QStringLiteral("imagePatternStatus"));
    m_patternStatus->setWordWrap(true);
    patternBox->addWidget(m_pattern);
    patternBox->addWidget(m_patternStatus);
    auto *patternLabel = new QLabel(tr("Image folder &pattern:"), group);
    patternLabel->setBuddy(m_pattern);
    form->addRow(patternLabel, patternBox);
    connect(m_pattern, &QLineEdit::textChanged, this, &ImportDialog::setImagePattern);

    auto *vectorsRow = new QHBoxLayout;
    m_vectors = new QTableWidget(0, 3, group);
    m_vectors->setObjectName(QStringLiteral("vectors"));
    m_vectors->setHorizontalHeaderLabels({tr("Modality name"), tr("File"), tr("Shape")});
    m_vectors->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_vectors->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_vectors->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_vectors->verticalHeader()->setVisible(false);
    m_vectors->setSelectionBehavior(QAbstractItemView::SelectRows);
    const int rowHeight = m_vectors->verticalHeader()->defaultSectionSize();
    m_vectors->setMinimumHeight(m_vectors->horizontalHeader()->sizeHint().height() + rowHeight * 3 + 4);
    auto *vectorButtons = new QVBoxLayout;
    auto *add = new QPushButton(tr("&Add .npy…"), group);
    m_removeVectors = new QPushButton(tr("Remove"), group);
    m_removeVectors->setEnabled(false);
    vectorButtons->addWidget(add);
    vectorButtons->addWidget(m_removeVectors);
    vectorButtons->addStretch(1);
    vectorsRow->addWidget(m_vectors, 1);
    vectorsRow->addLayout(vectorButtons);
    auto *vectorsLabel = new QLabel(tr("&Vectors (.npy):"), group);
    vectorsLabel->setBuddy(m_vectors);
    form->addRow(vectorsLabel, vectorsRow);
    auto *vectorsHelp = new QLabel(tr("Each .npy file is a matrix with one row of numbers per item, in the items "
                                      "file's order; it becomes a modality of kind \u201Cvectors\u201D."),
                                   group);
    vectorsHelp->setWordWrap(true);
    layout->addLayout(form);
    layout->addWidget(vectorsHelp);
    layout->addStretch(1);

    connect(add, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add Vectors Files"),
                                                                ManifestBuilder::defaultManifestFolder(m_spec),
                                                                tr("NumPy arrays (*.npy)"));
        for (const QString &file : files)
            addVectorsFile(file);
    });
    connect(m_removeVectors, &QPushButton::clicked, this, [this] {
        const int row = m_vectors->currentRow();
        if (row >= 0)
            removeVectorsFile(row);
    });
    connect(m_vectors, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeVectors->setEnabled(m_vectors->currentRow() >= 0); });
    connect(m_vectors, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == 0 && item->row() < int(m_spec.vectors.size())
            && m_spec.vectors[size_t(item->row())].name != item->text()) {
            m_spec.vectors[size_t(item->row())].name = item->text();
            revalidate();
        }
    });
    return group;
}

void ImportDialog::browse(Table table)
{
    const QString current = specTable(table).path;
    const QString start = current.isEmpty() ? ManifestBuilder::defaultManifestFolder(m_spec) : current;
    const QString file = QFileDialog::getOpenFileName(
        this, table == Table::Items ? tr("Choose the Items File") : tr("Choose the Interactions File"), start,
        tr("Tables (*.csv *.tsv *.tab *.txt *.dat *.data *.item);;All files (*)"));
    if (!file.isEmpty())
        setFile(table, file);
}

void ImportDialog::setInteractionsFile(const QString &path)
{
    setFile(Table::Interactions, path);
}

void ImportDialog::setItemsFile(const QString &path)
{
    setFile(Table::Items, path);
}

void ImportDialog::setFile(Table table, const QString &path)
{
    Panel &p = panel(table);
    ImportTable &spec = specTable(table);
    p.prefix = FilePrefix{};
    p.sniffText.clear();
    spec = ImportTable{};
    if (!path.isEmpty()) {
        spec.path = QFileInfo(path).absoluteFilePath();
        spec.options.label = QFileInfo(path).fileName();
        Result<FilePrefix> prefix = readFilePrefix(spec.path);
        if (prefix) {
            p.prefix = std::move(*prefix);
            p.sniff = sniffCsv(p.prefix, spec.path);
            spec.options.delimiter = p.sniff.delimiter;
            spec.options.encoding = p.sniff.encoding;
            spec.options.hasHeader = p.sniff.hasHeader;
            spec.options.quoting = p.sniff.quoting;
        } else {
            p.sniffText = prefix.error();
        }
    }
    p.path->setText(QDir::toNativeSeparators(spec.path));
    syncControls(table);
    reparse(table, false);
    updateNameFromFolder();
}

void ImportDialog::syncControls(Table table)
{
    Panel &p = panel(table);
    const ImportTable &spec = specTable(table);
    const bool hasFile = !spec.path.isEmpty();
    const CsvOptions &o = spec.options;
    int delimiterIndex = p.delimiter->findData(QVariant(int(o.delimiter)));
    if (delimiterIndex < 0) {
        delimiterIndex = p.delimiter->count() - 1;
        p.customDelimiter->setText(QString(QLatin1Char(o.delimiter)));
    }
    p.delimiter->setCurrentIndex(delimiterIndex);
    p.customDelimiter->setVisible(delimiterIndex == p.delimiter->count() - 1);
    p.encoding->setCurrentIndex(p.encoding->findData(QVariant(int(o.encoding))));
    p.header->setChecked(o.hasHeader);
    p.quoting->setChecked(o.quoting);
    for (QWidget *w : {static_cast<QWidget *>(p.delimiter), static_cast<QWidget *>(p.encoding),
                       static_cast<QWidget *>(p.header), static_cast<QWidget *>(p.quoting)})
        w->setEnabled(hasFile);
    if (p.clear)
        p.clear->setEnabled(hasFile);
}

void ImportDialog::optionsChanged(Table table)
{
    Panel &p = panel(table);
    CsvOptions &o = specTable(table).options;
    const int delimiter = p.delimiter->currentData().toInt();
    const bool custom = delimiter == 0;
    p.customDelimiter->setVisible(custom);
    if (custom) {
        const QString text = p.customDelimiter->text();
        if (text.isEmpty() || text[0].unicode() > 0x7e || text[0] == QLatin1Char('"')) {
            p.customDelimiter->setFocus();
            return;                   // wait for a usable one-byte character
        }
        o.delimiter = char(text[0].unicode());
    } else {
        o.delimiter = char(delimiter);
    }
    o.encoding = CsvEncoding(p.encoding->currentData().toInt());
    o.hasHeader = p.header->isChecked();
    o.quoting = p.quoting->isChecked();
    reparse(table, true);
}

void ImportDialog::setDelimiter(Table table, char delimiter)
{
    specTable(table).options.delimiter = delimiter;
    syncControls(table);
    reparse(table, true);
}

void ImportDialog::setEncoding(Table table, CsvEncoding encoding)
{
    specTable(table).options.encoding = encoding;
    syncControls(table);
    reparse(table, true);
}

void ImportDialog::setHasHeader(Table table, bool hasHeader)
{
    specTable(table).options.hasHeader = hasHeader;
    syncControls(table);
    reparse(table, true);
}

void ImportDialog::setQuoting(Table table, bool quoting)
{
    specTable(table).options.quoting = quoting;
    syncControls(table);
    reparse(table, true);
}

// Parses the prefix with the current options. Roles survive when the columns did not change
// (keepRoles: an encoding or quoting switch); otherwise they are guessed again.
void ImportDialog::reparse(Table table, bool keepRoles)
{
    Panel &p = panel(table);
    ImportTable &spec = specTable(table);
    const QStringList oldHeader = spec.header;
    p.preview = CsvPreview{};
    if (!spec.path.isEmpty() && p.sniffText.isEmpty())
        p.preview = previewCsv(p.prefix, spec.options);
    else if (!spec.path.isEmpty())
        p.preview.error = p.sniffText;    // the file could not be read
    spec.header = p.preview.header;
    const bool sameColumns = keepRoles && spec.header == oldHeader;

    if (!sameColumns && table == Table::Interactions)
        m_spec.interactionRoles = ManifestBuilder::guessInteractionRoles(p.preview, itemIdColumn(m_spec));
    else if (!sameColumns)
        m_spec.itemRoles = ManifestBuilder::guessItemRoles(p.preview, interactionItemColumn(m_spec));

    // What the first bytes say, in one line.
    QString info;
    if (spec.path.isEmpty()) {
        info = table == Table::Items
                   ? tr("No items file. The manifest format needs one: an items table with an id column "
                        "(items.file, items.id). Item ids cannot come from the interactions file alone.")
                   : tr("No interactions file.");
    } else if (!p.sniffText.isEmpty()) {
        info = p.sniffText;
    } else {
        const QLocale locale;
        const QString size = locale.formattedDataSize(p.prefix.fileSize);
        const QString rows = locale.toString(qulonglong(p.preview.rows.size()));
        if (p.preview.wholeFile)
            info = tr("Preview: all of %1 (%2, rows: %3).").arg(spec.options.label, size, rows);
        else if (p.prefix.wholeFile)
            info = tr("Preview: the first %1 rows of %2 (%3).").arg(rows, spec.options.label, size);
        else
            info = tr("Preview: the first %1 rows of %2 (%3; the preview reads only its first %4).")
                       .arg(rows, spec.options.label, size, locale.formattedDataSize(kPreviewBytes, 0));
        info += QLatin1Char(' ')
                + tr("Detected: %1, %2, %3.")
                      .arg(ManifestBuilder::delimiterName(p.sniff.delimiter),
                           p.sniff.encoding == CsvEncoding::Utf8 ? tr("UTF-8") : tr("Latin-1"),
                           p.sniff.hasHeader ? tr("header row") : tr("no header row"));
        if (!p.sniff.validUtf8)
            info += QLatin1Char(' ') + tr("The first bytes are not valid UTF-8, so Latin-1 is suggested.");
        if (!p.sniff.quoting)
            info += QLatin1Char(' ') + tr("Quotes inside fields look like plain text, so quoting is off.");
    }
    p.info->setText(info);
    fillPreview(table);
    revalidate();
}

void ImportDialog::fillPreview(Table table)
{
    Panel &p = panel(table);
    const CsvPreview &preview = p.preview;
    QTableWidget *view = p.view;
    view->setRowCount(0);                 // releases the old role combo boxes
    view->setColumnCount(0);
    const int columns = preview.columnCount();
    view->setColumnCount(columns);
    view->setRowCount(columns > 0 ? 1 + int(preview.rows.size()) : 0);
    view->setHorizontalHeaderLabels(preview.header);
    QStringList rowLabels{tr("Role")};
    for (int line : preview.lines)
        rowLabels.append(QString::number(line));
    view->setVerticalHeaderLabels(rowLabels);
    view->verticalHeader()->setToolTip(tr("Line numbers in the file"));
    for (int r = 0; r < int(preview.rows.size()); ++r) {
        const QStringList &row = preview.rows[size_t(r)];
        for (int c = 0; c < columns; ++c) {
            QString shown = row[c];
            shown.replace(QLatin1Char('\n'), QChar(0x23CE));
            auto *item = new QTableWidgetItem(shown);
            if (shown.size() > 30 || shown != row[c])
                item->setToolTip(row[c]);
            view->setItem(1 + r, c, item);
        }
    }
    fillRoleCombos(table);
    view->resizeColumnsToContents();
    for (int c = 0; c < columns; ++c)
        view->setColumnWidth(c, std::min(view->columnWidth(c), kMaxColumnWidth));
    if (columns > 0)
        view->setRowHeight(kRoleRow, std::max(view->rowHeight(kRoleRow), view->cellWidget(kRoleRow, 0)->sizeHint().height()));
    styleColumns(table);
}

void ImportDialog::fillRoleCombos(Table table)
{
    Panel &p = panel(table);
    const int columns = p.preview.columnCount();
    QStringList names;
    if (table == Table::Interactions)
        names = {tr("Ignore"), tr("User id"), tr("Item id"), tr("Rating"), tr("Timestamp")};
    else
        names = {tr("Ignore"), tr("Item id"), tr("Title"), tr("Category"), tr("Text"), tr("Numeric"), tr("Image path")};
    for (int c = 0; c < columns; ++c) {
        auto *combo = new QComboBox;
        combo->addItems(names);
        combo->setObjectName(QStringLiteral("role%1").arg(c));
        combo->setToolTip(table == Table::Interactions
                              ? tr("What column %1 holds. Without a rating column the data is implicit feedback.")
                                    .arg(p.preview.header[c])
                              : tr("What column %1 holds. Several Text columns are joined; several Numeric "
                                   "columns form one numeric modality.")
                                    .arg(p.preview.header[c]));
        const int role = table == Table::Interactions ? int(m_spec.interactionRoles[size_t(c)])
                                                      : int(m_spec.itemRoles[size_t(c)]);
        combo->setCurrentIndex(role);
        connect(combo, &QComboBox::activated, this, [this, table, c](int index) { roleChosen(table, c, index); });
        p.view->setCellWidget(kRoleRow, c, combo);
    }
}

void ImportDialog::roleChosen(Table table, int column, int index)
{
    if (table == Table::Interactions)
        setInteractionRole(column, InteractionRole(index));
    else
        setItemRole(column, ItemRole(index));
}

void ImportDialog::setInteractionRole(int column, InteractionRole role)
{
    if (column < 0 || column >= int(m_spec.interactionRoles.size()))
        return;
    m_spec.interactionRoles[size_t(column)] = role;
    if (auto *combo = qobject_cast<QComboBox *>(panel(Table::Interactions).view->cellWidget(kRoleRow, column)))
        combo->setCurrentIndex(int(role));
    styleColumns(Table::Interactions);
    revalidate();
}

void ImportDialog::setItemRole(int column, ItemRole role)
{
    if (column < 0 || column >= int(m_spec.itemRoles.size()))
        return;
    m_spec.itemRoles[size_t(column)] = role;
    if (auto *combo = qobject_cast<QComboBox *>(panel(Table::Items).view->cellWidget(kRoleRow, column)))
        combo->setCurrentIndex(int(role));
    styleColumns(Table::Items);
    revalidate();
}

// Ignored columns are greyed out; a cell named by a problem is tinted red.
void ImportDialog::styleColumns(Table table)
{
    Panel &p = panel(table);
    const QPalette palette = p.view->palette();
    const QBrush normal = palette.brush(QPalette::Text);
    const QBrush faded = palette.brush(QPalette::Disabled, QPalette::Text);
    for (int c = 0; c < p.view->columnCount(); ++c) {
        const bool ignored = table == Table::Interactions
                                 ? m_spec.interactionRoles[size_t(c)] == InteractionRole::Ignore
                                 : m_spec.itemRoles[size_t(c)] == ItemRole::Ignore;
        for (int r = 1; r < p.view->rowCount(); ++r) {
            if (QTableWidgetItem *item = p.view->item(r, c)) {
                item->setForeground(ignored ? faded : normal);
                item->setBackground(QBrush());
            }
        }
    }
    const ImportTableKind kind = table == Table::Interactions ? ImportTableKind::Interactions : ImportTableKind::Items;
    for (const ImportProblem &problem : m_problems) {
        if (problem.table != kind || problem.row < 0 || problem.column < 0)
            continue;
        if (QTableWidgetItem *item = p.view->item(1 + problem.row, problem.column)) {
            item->setBackground(problemColour());
            item->setToolTip(problem.message);
        }
    }
}

void ImportDialog::setTitleInText(bool on)
{
    m_spec.titleInText = on;
    if (m_titleInText->isChecked() != on)
        m_titleInText->setChecked(on);
    revalidate();
}

void ImportDialog::setImagePattern(const QString &pattern)
{
    m_spec.imagePattern = pattern.trimmed();
    if (m_pattern->text() != pattern)
        m_pattern->setText(pattern);
    revalidate();
}

void ImportDialog::setDatasetName(const QString &name)
{
    m_nameEdited = true;
    m_name->setText(name);
    m_spec.name = name.trimmed();
}

void ImportDialog::updateNameFromFolder()
{
    if (m_nameEdited)
        return;
    const QString folder = ManifestBuilder::defaultManifestFolder(m_spec);
    m_spec.name = folder.isEmpty() ? QString() : QFileInfo(folder).fileName();
    m_name->setText(m_spec.name);
}

void ImportDialog::addVectorsFile(const QString &path, const QString &name)
{
    const QFileInfo info(path);
    m_spec.vectors.push_back({name.isEmpty() ? info.completeBaseName() : name, info.absoluteFilePath()});
    refreshVectors();
    revalidate();
}

void ImportDialog::removeVectorsFile(int index)
{
    if (index < 0 || index >= int(m_spec.vectors.size()))
        return;
    m_spec.vectors.erase(m_spec.vectors.begin() + index);
    refreshVectors();
    revalidate();
}

void ImportDialog::setVectorsName(int index, const QString &name)
{
    if (index < 0 || index >= int(m_spec.vectors.size()))
        return;
    m_spec.vectors[size_t(index)].name = name;
    refreshVectors();
    revalidate();
}

void ImportDialog::refreshVectors()
{
    const QSignalBlocker blocker(m_vectors);
    m_vectors->setRowCount(int(m_spec.vectors.size()));
    for (int r = 0; r < int(m_spec.vectors.size()); ++r) {
        const VectorsFile &vectors = m_spec.vectors[size_t(r)];
        m_vectors->setItem(r, 0, new QTableWidgetItem(vectors.name));
        auto *file = new QTableWidgetItem(QDir::toNativeSeparators(vectors.path));
        file->setFlags(file->flags() & ~Qt::ItemIsEditable);
        file->setToolTip(file->text());
        m_vectors->setItem(r, 1, file);
        QString shape;
        if (Result<NpyInfo> info = ManifestBuilder::readNpyHeader(vectors.path); info) {
            QStringList dims;
            for (qint64 d : info->shape)
                dims.append(QLocale().toString(d));
            shape = dims.join(QStringLiteral(" × ")) + QStringLiteral("  ") + info->dtype;
        } else {
            shape = tr("unreadable");
        }
        auto *shapeItem = new QTableWidgetItem(shape);
        shapeItem->setFlags(shapeItem->flags() & ~Qt::ItemIsEditable);
        m_vectors->setItem(r, 2, shapeItem);
    }
    m_removeVectors->setEnabled(m_vectors->currentRow() >= 0);
}

void ImportDialog::revalidate()
{
    Panel &in = panel(Table::Interactions);
    Panel &items = panel(Table::Items);
    m_problems = ManifestBuilder::validate(m_spec, m_spec.interactions.path.isEmpty() ? nullptr : &in.preview,
                                           m_spec.items.path.isEmpty() ? nullptr : &items.preview);

    // Image pattern, or an image path column: how many of the previewed items' files exist.
    QString patternText;
    QString pattern = m_spec.imagePattern;
    QString base = QFileInfo(m_spec.items.path).absolutePath();
    if (pattern.isEmpty()) {
        for (size_t c = 0; c < m_spec.itemRoles.size(); ++c) {
            if (m_spec.itemRoles[c] == ItemRole::ImagePath) {
                pattern = QLatin1Char('{') + m_spec.items.header.value(int(c)) + QLatin1Char('}');
                base = ManifestBuilder::defaultManifestFolder(m_spec);
                break;
            }
        }
    }
    if (!pattern.isEmpty() && !m_spec.items.path.isEmpty()) {
        const ImagePatternCheck check = ManifestBuilder::checkImagePattern(pattern, base, items.preview);
        if (!check.syntaxError.isEmpty())
            patternText = check.syntaxError;
        else if (!check.unknownColumns.isEmpty())
            patternText = tr("Not a column of the items file: %1").arg(check.unknownColumns.join(QStringLiteral(", ")));
        else if (check.checked == 0)
            patternText = tr("No previewed item has the placeholders' values.");
        else if (check.found == check.checked)
            patternText = tr("Images found: all %1 previewed items.").arg(check.checked);
        else
            patternText = tr("Images found: %1 of %2 previewed items; missing, for example: %3")
                              .arg(check.found)
                              .arg(check.checked)
                              .arg(QDir::toNativeSeparators(check.firstMissing));
    } else if (m_spec.items.path.isEmpty()) {
        patternText = tr("Choose an items file first.");
    } else {
        patternText = tr("No images. Missing image files are allowed: such items get the average image features.");
    }
    m_patternText = patternText;
    m_patternStatus->setText(patternText);

    in.note->setText(feedbackSummary());
    items.note->setText(m_spec.items.path.isEmpty()
                            ? QString()
                            : tr("Several Text columns are joined into one text per item; several Numeric columns "
                                 "form one numeric modality; empty numeric cells count as missing."));
    items.note->setVisible(!m_spec.items.path.isEmpty());

    // A warning icon on each page that has a problem.
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const ImportTableKind pages[] = {ImportTableKind::Interactions, ImportTableKind::Items, ImportTableKind::Vectors};
    for (int page = 0; page < 3; ++page) {
        const bool bad = std::any_of(m_problems.begin(), m_problems.end(),
                                     [&](const ImportProblem &problem) { return problem.table == pages[page]; });
        m_tabs->setTabIcon(page, bad ? warning : QIcon());
    }
    styleColumns(Table::Interactions);
    styleColumns(Table::Items);

    const QStyle::StandardPixmap icon = m_problems.empty() ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_problemIcon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    if (m_problems.empty()) {
        m_problem->setText(tr("Ready: Save writes %1 and loads it to check it.")
                               .arg(QDir::toNativeSeparators(defaultManifestPath())));
    } else {
        QString text = m_problems.front().message;
        if (m_problems.size() > 1)
            text += QLatin1Char(' ') + tr("(and %1 more)").arg(m_problems.size() - 1);
        m_problem->setText(text);
    }
    const bool enabled = m_problems.empty() && !m_checking;
    m_save->setEnabled(enabled);
    m_saveAs->setEnabled(enabled);
}

QString ImportDialog::validationMessage() const
{
    return m_problems.empty() ? QString() : m_problems.front().message;
}

QString ImportDialog::imagePatternStatus() const
{
    return m_patternText;
}

QString ImportDialog::feedbackSummary() const
{
    if (m_spec.interactions.path.isEmpty())
        return QString();
    for (size_t c = 0; c < m_spec.interactionRoles.size(); ++c) {
        if (m_spec.interactionRoles[c] == InteractionRole::Rating) {
            return tr("Explicit feedback: the ratings are in column %1.")
                .arg(QStringLiteral("\u201C%1\u201D").arg(m_spec.interactions.header.value(int(c))));
        }
    }
    return tr("Implicit feedback: no rating column, so every interaction counts as a rating of 1.");
}

QString ImportDialog::defaultManifestPath() const
{
    const QString folder = ManifestBuilder::defaultManifestFolder(m_spec);
    return folder.isEmpty() ? QString() : QDir(folder).filePath(QStringLiteral("manifest.json"));
}

void ImportDialog::save()
{
    if (!isValid() || m_checking)
        return;
    const QString path = defaultManifestPath();
    const QFileInfo info(path);
    if (!QFileInfo(info.absolutePath()).isWritable()) {
        const auto answer = QMessageBox::question(
            this, tr("Folder Not Writable"),
            tr("FusionLab cannot write to %1. Save the manifest somewhere else? Its paths will point back to "
               "the data.")
                .arg(QDir::toNativeSeparators(info.absolutePath())),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Yes)
            saveAs();
        return;
    }
    if (info.exists()) {
        const auto answer = QMessageBox::question(
            this, tr("Replace Manifest?"),
            tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    if (!saveTo(path)) {
        const auto answer = QMessageBox::question(this, tr("Cannot Save"),
                                                  m_problem->text() + QStringLiteral("\n\n")
                                                      + tr("Save the manifest somewhere else?"),
                                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
        if (answer == QMessageBox::Yes)
            saveAs();
    }
}

void ImportDialog::saveAs()
{
    if (!isValid() || m_checking)
        return;
    // The file dialog asks before replacing an existing file.
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Manifest As"), defaultManifestPath(),
                                                      tr("FusionLab manifest (*.json)"));
    if (!path.isEmpty())
        saveTo(path);
}

bool ImportDialog::saveTo(const QString &path)
{
    if (m_checking)
        return false;
    if (!isValid()) {
        Q_EMIT saveFinished(false, validationMessage());
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (Result<void> written = ManifestBuilder::writeManifest(m_spec, absolute); !written) {
        m_problemIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(16, 16));
        m_problem->setText(written.error());
        Q_EMIT saveFinished(false, written.error());
        return false;
    }
    m_checking = true;
    m_checkingPath = absolute;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_busy->setVisible(true);
    m_save->setEnabled(false);
    m_saveAs->setEnabled(false);
    m_problem->setText(tr("Saved %1; loading it to check it…").arg(QDir::toNativeSeparators(absolute)));
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    m_watcher.setFuture(QtConcurrent::run([absolute, cancel]() {
        CheckResult result;
        const Result<Dataset> loaded = loadManifest(absolute, [cancel](double) { return !cancel->load(); });
        if (!loaded) {
            result.error = loaded.error();
            return result;
        }
        result.items = loaded->itemCount();
        result.users = loaded->userCount();
        result.interactions = loaded->interactionCount();
        return result;
    }));
    return true;
}

void ImportDialog::checkFinished()
{
    m_checking = false;
    m_busy->setVisible(false);
    const CheckResult result = m_watcher.result();
    revalidate();
    if (!result.error.isEmpty()) {
        const QString message = tr("The manifest was saved, but FusionLab cannot load it:\n%1").arg(result.error);
        m_problemIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(16, 16));
        m_problem->setText(message);
        Q_EMIT saveFinished(false, result.error);
        return;
    }
    m_manifestPath = m_checkingPath;
    const QLocale locale;
    const QString summary = tr("%1 loads: %2 items, %3 users, %4 interactions.")
                                .arg(QDir::toNativeSeparators(m_manifestPath), locale.toString(result.items),
                                     locale.toString(result.users), locale.toString(result.interactions));
    m_problem->setText(summary);
    Q_EMIT saveFinished(true, summary);
    accept();
}

} // namespace fl
