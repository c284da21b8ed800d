// English messages of the actions area (see ../README.md): the words zonectl printed before it spoke Chinese.
export const messages = {} as const;
