// Product versions (issue 20): publish, withdraw, the latest and the ones a buyer may pick,
// SHA-256 and size computed as the file streams in, update notices through the outbox.
export { compareVersions, isVersionString } from './compare';
export { latestVersion, versionById, publishedVersions, type PublishedVersion } from './published';
