import type { LanguageInfo } from '@interviewselect/contracts';
import { useState } from 'react';
import { isReplaceableSource, storeLanguage } from './language-choice';

export interface Scratchpad {
  language: LanguageInfo;
  source: string;
  setSource: (source: string) => void;
  chooseLanguage: (language: LanguageInfo) => void;
  /** A language whose example could replace the user's own code, offered after a switch. */
  offer: LanguageInfo | null;
  acceptOffer: () => void;
  dismissOffer: () => void;
}

/**
 * The language and source being edited. Switching language brings that
 * language's hello world when the editor holds nothing of the user's own
 * (empty, or another language's untouched example); otherwise the code stays
 * and the example is offered instead.
 */
export function useScratchpad(languages: readonly LanguageInfo[], initial: LanguageInfo): Scratchpad {
  const [language, setLanguage] = useState(initial);
  const [source, setSource] = useState(initial.helloWorld);
  const [offer, setOffer] = useState<LanguageInfo | null>(null);

  function chooseLanguage(next: LanguageInfo) {
    storeLanguage(next.id);
    setLanguage(next);
    const isReplaceable = isReplaceableSource(source, languages);
    if (isReplaceable) setSource(next.helloWorld);
    setOffer(isReplaceable || source === next.helloWorld ? null : next);
  }

  return {
    language,
    source,
    setSource,
    chooseLanguage,
    offer,
    acceptOffer: () => {
      if (offer) setSource(offer.helloWorld);
      setOffer(null);
    },
    dismissOffer: () => setOffer(null),
  };
}
