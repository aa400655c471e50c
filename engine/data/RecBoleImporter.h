#pragma once

// Imports a dataset in RecBole's atomic-file format (https://recbole.io/docs/user_guide/data/atomic_files.html):
// a folder NAME/ holding NAME.inter and optionally NAME.item (NAME.user, .kg, .link and .net are not
// used). Files are UTF-8, tab-separated, without quoting ('"' is an ordinary character), and start
// with a header of name:type fields, types token, token_seq, float and float_seq; sequences are
// space-separated.
//   NAME.inter: the user field is user_id:token (RecBole's default USER_ID_FIELD), else the one token
//       field whose name contains "user"; the item field likewise (item_id:token, or the one token field
//       whose name contains "item"). rating:float is the rating (implicit feedback, 1, without it),
//       timestamp:float the time; other fields (label:float, …) are allowed and not used.
//   NAME.item: keyed by the .inter's item field. Token and token_seq fields become the "text" modality,
//       float fields the "numeric" modality (an empty cell marks the item missing), each float_seq field
//       a Vectors modality of its own name (every non-empty row of one length; empty = missing). The
//       title is the first text field whose name contains "title" or "name", the category the first
//       word of the first one containing "class", "categor" or "genre".
// Items named only by NAME.inter are added after the .item's (RecBole allows it), missing in every item
// modality. Loading is all-or-nothing: any malformed line is an error naming the file and the line.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"

#include <QString>

namespace fl {

// True if path is a RecBole dataset folder (or a file in one): NAME/NAME.inter with a typed header, or
// a folder whose only .inter file has one.
bool looksLikeRecBole(const QString &path);

// Reads the RecBole dataset at path (its folder, or one of its atomic files).
Result<Dataset> importRecBole(const QString &path, const ProgressFn &progress = {});

} // namespace fl
