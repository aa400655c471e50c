#pragma once

// Imports a MovieLens dataset folder exactly as GroupLens publishes it; the variant is recognised by its
// files (see "MovieLens" in README.md):
//   ml-latest, ml-latest-small, ml-20m, ml-25m, ml-32m: ratings.csv, movies.csv, tags.csv (optional);
//       UTF-8, RFC 4180 quoting, headers userId,movieId,rating,timestamp / movieId,title,genres /
//       userId,movieId,tag,timestamp. links.csv and the genome files are ignored.
//   ml-1m (and ml-10m): ratings.dat (UserID::MovieID::Rating::Timestamp), movies.dat
//       (MovieID::Title::Genres, Latin-1), tags.dat if present; users.dat is ignored.
//   ml-100k: u.data (tab-separated user, item, rating, timestamp), u.item ('|'-separated, Latin-1, 19
//       genre flags), u.genre for the genres' names if present; the other u.* files are ignored.
// Items are the movies file's, in its order. Modalities: "text" (title, genres as words, the movie's
// distinct tags), "genres" (Numeric multi-hot, one column per genre in order of first appearance; no
// genre = missing) and "year" (Numeric, from a title ending in "(1995)"; missing otherwise). Loading is
// all-or-nothing: a rating or tag of a movie the movies file does not list is an error naming the file
// and the line.

#include "engine/core/Result.h"
#include "engine/data/Dataset.h"

#include <QString>

namespace fl {

// True if path is a MovieLens folder (or a file in one): ratings.csv + movies.csv with MovieLens
// headers, ratings.dat + movies.dat, or u.data + u.item.
bool looksLikeMovieLens(const QString &path);

// Reads the MovieLens folder at path (or the folder of the file at path).
Result<Dataset> importMovieLens(const QString &path, const ProgressFn &progress = {});

} // namespace fl
