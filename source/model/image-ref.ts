// Container image reference syntax (the grammar of github.com/distribution/reference, which the
// container runtimes parse): [registry[:port]/]path[:tag][@algorithm:hex], the path in lowercase.
// Checked before any request, so a typo never reaches a workload's spec (where every pod would fail
// to pull it).

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::${TAG})?(?:@${DIGEST})?$`);

/** True when `image` is a well-formed image reference (its name at most 255 characters). */
export function isImageReference(image: string): boolean {
  const m = REFERENCE.exec(image);
  return m !== null && m[1]!.length <= 255;
}

/** The usage line for an image that is not one. */
export const IMAGE_REFERENCE_FORM = '[registry/]repository[:tag][@digest]';
