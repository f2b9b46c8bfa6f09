export interface PluginFolder {
  folder: string;
  type: string;
  typeFrom: string;
  name: string;
  what: string;
}
export const PLUGIN_FOLDERS: PluginFolder[];
export function indexOf(folder: PluginFolder): Promise<string>;
