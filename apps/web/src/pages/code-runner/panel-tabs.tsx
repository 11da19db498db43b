import clsx from 'clsx';
import type { KeyboardEvent, ReactNode } from 'react';

export interface PanelTab<T extends string> {
  id: T;
  label: ReactNode;
}

export interface PanelTabsProps<T extends string> {
  label: string;
  tabs: readonly PanelTab<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** Prefix for the tab and panel ids: panels use `${idPrefix}-panel-${id}`. */
  idPrefix: string;
  className?: string;
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/**
 * The WAI-ARIA tabs pattern: one tab stop, arrow keys and Home/End move
 * between tabs and select them (automatic activation: panels are cheap).
 */
export function PanelTabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  idPrefix,
  className,
}: PanelTabsProps<T>) {
  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.id === selected);
    const target =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    const next = target === null ? undefined : tabs[target];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    document.getElementById(tabId(idPrefix, next.id))?.focus();
  }

  return (
    <div role="tablist" aria-label={label} className={clsx('panel-tabs', className)} onKeyDown={handleKeyDown}>
      {tabs.map((tab) => {
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(idPrefix, tab.id)}
            aria-selected={isSelected}
            aria-controls={panelId(idPrefix, tab.id)}
            tabIndex={isSelected ? 0 : -1}
            className="panel-tabs__tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

export interface TabPanelProps {
  /** The same prefix as the PanelTabs that control this panel. */
  idPrefix: string;
  id: string;
  selected: string;
  className?: string;
  children?: ReactNode;
}

/** The panel of one PanelTabs tab: labelled by its tab, hidden while another tab is selected. */
export function TabPanel({ idPrefix, id, selected, className, children }: TabPanelProps) {
  return (
    <div
      role="tabpanel"
      id={panelId(idPrefix, id)}
      aria-labelledby={tabId(idPrefix, id)}
      hidden={selected !== id}
      className={className}
    >
      {children}
    </div>
  );
}
