/** The signed-in citizen as use cases see it (`request.citizen`, like `request.actor` for staff). */
export interface CitizenActor {
  readonly kind: 'citizen';
  readonly citizenId: string;
  readonly fullName: string;
  /** Số định danh cá nhân (12 digits), when the provider asserted one. */
  readonly personalIdentifier: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}
