/// A directory of `.sql` files with no tool's naming: applied in path order, each as
/// `--transaction` says.
enum PlainLayout {
    static func series(in directory: SeriesDirectory) -> MigrationSeries {
        MigrationSeries(layout: .plain, root: directory.root,
                        members: directory.topLevel(endingWith: ".sql").map { SeriesMember(path: directory.path($0)) })
    }
}
