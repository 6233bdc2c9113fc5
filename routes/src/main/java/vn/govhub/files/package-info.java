/**
 * Files the hub keeps for citizens and hands to upstream systems: what a file is by its bytes ({@link
 * vn.govhub.files.FileKind}), pictures decoded and written anew ({@link vn.govhub.files.Images}), and the expiring signed
 * links through which case-handling and agency systems fetch them ({@link vn.govhub.files.FileLinks}).
 */
package vn.govhub.files;
