// English messages of the commands area (see ../README.md): the words zonectl printed before it spoke Chinese.
export const messages = {} as const;
