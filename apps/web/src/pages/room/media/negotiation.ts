/**
 * Who does what between two call members (perfect negotiation, see
 * docs/adr webrtc mesh and signalling). Both sides compute the same answer
 * from the two participant ids, so no extra message is needed.
 */
export interface PeerRoles {
  /** Creates the audio and camera transceivers and sends the first offer. */
  isInitialOfferer: boolean;
  /** Rolls back its own offer when offers cross (glare); the impolite side's offer wins. */
  isPolite: boolean;
  /** Whether a connection is needed at all (two observers have nothing to exchange). */
  isNeeded: boolean;
}

export function peerRoles(
  self: { id: string; publishes: boolean },
  peer: { id: string; publishes: boolean },
): PeerRoles {
  if (!self.publishes && !peer.publishes) return { isInitialOfferer: false, isPolite: true, isNeeded: false };
  // Observers never offer: the publishing side always leads with them.
  if (!self.publishes) return { isInitialOfferer: false, isPolite: true, isNeeded: true };
  if (!peer.publishes) return { isInitialOfferer: true, isPolite: false, isNeeded: true };
  const leads = self.id < peer.id;
  return { isInitialOfferer: leads, isPolite: !leads, isNeeded: true };
}

/** Transceiver order both sides agree on (the first offer's m-lines): audio, camera, then screens. */
export type TrackSlot = 'audio' | 'camera' | 'screen' | 'other';

export function slotOf(transceivers: readonly { kind: string }[], index: number): TrackSlot {
  const kind = transceivers[index]?.kind;
  if (!kind) return 'other';
  const firstOfKind = transceivers.findIndex((t) => t.kind === kind);
  if (kind === 'audio') return firstOfKind === index ? 'audio' : 'other';
  if (kind === 'video') return firstOfKind === index ? 'camera' : 'screen';
  return 'other';
}
