/**
 * The organisation to name after the account in the signed-in banner: none when the account's own
 * name already says it ("Sømna kommune", "Kari, Sømna kommune"), so the banner does not repeat it.
 */
export function organisationToShow(displayName: string, organisationName: string): string | null {
  const said = displayName.toLocaleLowerCase('nb').includes(organisationName.toLocaleLowerCase('nb').trim());
  return said ? null : organisationName;
}
