export { ACCEPTED_UPLOAD_TYPES, checkUpload, MAX_FILE_BYTES, sniffContentType } from "./content-check.ts";
export { FileStore, type StoredFileInfo, sealedFileContent } from "./file-store.ts";
